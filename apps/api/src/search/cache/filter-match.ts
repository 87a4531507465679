import type { SearchFilters } from '../query/index.js';
import type { CandidateRow } from './candidate-set.js';
import type { ChangedDocument } from './change-feed.js';
import { compileMayMatch } from './lexeme-prefilter.js';
import { microseconds } from './packed-candidates.js';

/** The filter columns of a search document as the change feed reads them. */
export interface FilterFields {
  language: string;
  topics: string[];
  places: string[];
  entities: string[];
  feedId: string;
  /** UTC text with microseconds. */
  publishedAt: string;
}

const overlaps = (wanted: string[], values: string[]) =>
  wanted.length === 0 || wanted.some((value) => values.includes(value));

/**
 * Whether a document passes the request's filters, as the SQL of search-sql's filterConditions
 * decides it: = ANY for language and feed (a uuid, so case does not matter), && for topics,
 * places and entities, since inclusive and until exclusive.
 */
export function matchesFilters(filters: SearchFilters, document: FilterFields): boolean {
  if (filters.lang.length && !filters.lang.includes(document.language)) return false;
  if (!overlaps(filters.topic, document.topics)) return false;
  if (!overlaps(filters.place, document.places)) return false;
  if (!overlaps(filters.entity, document.entities)) return false;
  const feed = document.feedId.toLowerCase();
  if (filters.feed.length && !filters.feed.some((id) => id.toLowerCase() === feed)) return false;
  if (!filters.since && !filters.until) return true;
  const published = microseconds(document.publishedAt);
  if (filters.since && published < filters.since.getTime() * 1000) return false;
  if (filters.until && published >= filters.until.getTime() * 1000) return false;
  return true;
}

/**
 * How a cached query judges a changed article from the change feed's document: without words
 * exactly (its filters decide, rank 0); with words it can only rule the article out (filters,
 * or lexemes that cannot match `tsquery`), the rest is re-read.
 */
export function changeJudge(
  filters: SearchFilters,
  tsquery: string | undefined,
): (document: ChangedDocument) => CandidateRow | null | undefined {
  const mayMatch = tsquery === undefined ? undefined : compileMayMatch(tsquery);
  return ({ hit, lexemes }) => {
    if (!matchesFilters(filters, hit)) return null;
    if (mayMatch) return mayMatch(lexemes) ? undefined : null;
    const { id, publishedAt, language, topics, places, feedId } = hit;
    return { id, rank: 0, publishedAt, language, topics, places, feedId };
  };
}
