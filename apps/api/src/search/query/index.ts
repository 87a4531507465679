export type { QueryNode } from './ast.js';
export { formatQuery, positiveTerms, countTerms, isPositive } from './ast.js';
export { SearchInputError, type BadRequestBody } from './errors.js';
export {
  parseSearchQuery,
  DEFAULT_QUERY_LIMITS,
  type ParsedQuery,
  type QueryLimits,
} from './parse.js';
export {
  compileTsquery,
  DEFAULT_MAX_TSQUERY_CALLS,
  type CompiledTsquery,
  type CompileOptions,
} from './compile.js';
export { searchConfigsFor } from './configs.js';
export { createCursorCodec, type CursorCodec, type SearchCursor } from './cursor.js';
export {
  parseFilters,
  hasFilters,
  FILTER_NAMES,
  type SearchFilters,
  type FilterVocabulary,
} from './filters.js';
export {
  parseSearchRequest,
  searchContext,
  type SearchRequest,
  type SearchRequestOptions,
  type SearchSort,
} from './request.js';
export type { RawParams } from './params.js';
