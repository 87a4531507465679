export * from './migrations/index.js';
export * from './data-source.js';
export * from './prepare.js';
export * from './raw-query.js';
export * from './stored-article.js';
export * from './outbox.js';
