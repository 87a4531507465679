export * from './ip.js';
export * from './address-guard.js';
export * from './ssrf.js';
export * from './errors.js';
export * from './types.js';
