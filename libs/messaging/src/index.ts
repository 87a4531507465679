export * from './kafka-client.js';
export * from './topics-admin.js';
export * from './producer.js';
export * from './consumer.js';
export * from './dead-letter.js';
export * from './metrics.js';
