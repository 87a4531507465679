export * from './env.js';
export * from './ports.js';
