import { formatQuery } from './ast.js';
import { SearchInputError } from './errors.js';
import {
  FILTER_NAMES,
  hasFilters,
  parseFilters,
  type FilterVocabulary,
  type SearchFilters,
} from './filters.js';
import {
  DEFAULT_QUERY_LIMITS,
  parseSearchQuery,
  type ParsedQuery,
  type QueryLimits,
} from './parse.js';
import { invalid, single, type RawParams } from './params.js';

export type SearchSort = 'relevance' | 'newest';

export interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  limit: number;
  sort: SearchSort;
  /** Still encoded: decode with the CursorCodec and the request's context. */
  cursor?: string;
  collapse?: 'story';
}

export interface SearchRequestOptions {
  vocabulary?: FilterVocabulary;
  queryLimits?: QueryLimits;
  defaultLimit?: number;
  maxLimit?: number;
  /** Further parameter names the endpoint accepts (e.g. `format` for output feeds). */
  extraParams?: readonly string[];
}

const OWN_PARAMS = ['q', 'limit', 'cursor', 'collapse', 'sort', ...FILTER_NAMES];

function parseLimit(params: RawParams, fallback: number, max: number): number {
  const raw = single(params, 'limit');
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > max) {
    invalid('limit', `limit must be a whole number from 1 to ${max}, not "${raw.slice(0, 20)}"`);
  }
  return Number(raw);
}

function parseEnum<T extends string>(
  params: RawParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = single(params, name);
  if (raw === undefined || raw === '') return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    invalid(
      name,
      `${name} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, not "${raw.slice(0, 20)}"`,
    );
  }
  return raw as T;
}

function rejectUnknownParams(params: RawParams, extra: readonly string[]): void {
  const unknown = Object.keys(params).find(
    (name) => !OWN_PARAMS.includes(name) && !extra.includes(name),
  );
  if (unknown !== undefined) {
    const known = [...OWN_PARAMS, ...extra].join(', ');
    invalid(
      unknown.slice(0, 40),
      `unknown parameter "${unknown.slice(0, 40)}"; known: ${known}`,
      'unknown_parameter',
    );
  }
}

/**
 * Everything `GET /search` (and output feeds, streams) accept, validated in one place.
 * Throws SearchInputError; never returns a request that could make a slow or failing query.
 */
export function parseSearchRequest(
  params: RawParams,
  options: SearchRequestOptions = {},
): SearchRequest {
  rejectUnknownParams(params, options.extraParams ?? []);
  const query = parseSearchQuery(
    single(params, 'q') ?? '',
    options.queryLimits ?? DEFAULT_QUERY_LIMITS,
  );
  const filters = parseFilters(params, options.vocabulary);
  if (!query.ast && !hasFilters(filters)) {
    throw new SearchInputError(
      'q',
      'query_required',
      `q is required unless a filter (${FILTER_NAMES.join(', ')}) is given`,
    );
  }
  const sort =
    parseEnum(params, 'sort', ['relevance', 'newest'] as const) ??
    (query.ast ? 'relevance' : 'newest');
  if (sort === 'relevance' && !query.ast) invalid('sort', 'sort=relevance needs a query (q)');
  const cursor = single(params, 'cursor') || undefined;
  const collapse = parseEnum(params, 'collapse', ['story'] as const);
  const limit = parseLimit(params, options.defaultLimit ?? 20, options.maxLimit ?? 100);
  return { query, filters, limit, sort, cursor, collapse };
}

/**
 * Canonical text of what a request searches for (not where it is in the results): the context
 * to bind cursors to, and a cache or ETag key for output feeds.
 */
export function searchContext(request: SearchRequest): string {
  const { filters } = request;
  return JSON.stringify([
    request.query.ast ? formatQuery(request.query.ast) : '',
    [...filters.lang].sort(),
    [...filters.topic].sort(),
    [...filters.place].sort(),
    [...filters.entity].sort(),
    [...filters.feed].sort(),
    filters.since?.toISOString() ?? '',
    filters.until?.toISOString() ?? '',
    request.sort,
    request.collapse ?? '',
  ]);
}
