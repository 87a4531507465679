export const INDEXER_ENV = Symbol('INDEXER_ENV');
export const SEARCH_INDEX = Symbol('SEARCH_INDEX');
