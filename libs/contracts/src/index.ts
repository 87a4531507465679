export * from './topics.js';
export * from './registry.js';
export * from './envelope.js';
export * from './events/common.js';
export * from './events/article-ingested.js';
export * from './events/article-classified.js';
export * from './events/article-indexed.js';
export * from './events/feed-fetched.js';
