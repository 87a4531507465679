export * from './env.js';
export * from './ports.js';
export * from './repo-root.js';
