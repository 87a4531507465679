export * from './tokens.js';
export * from './runtime.module.js';
export * from './bootstrap.js';
export * from './http-endpoints.js';
export * from './consumer-provider.js';
export * from './background-loop.js';
