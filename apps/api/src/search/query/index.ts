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
