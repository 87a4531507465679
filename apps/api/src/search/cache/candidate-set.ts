import type { SearchCursor } from '../query/index.js';

/** What a cached query keeps of each of its newest matches: enough to order, page and count. */
export interface CandidateRow {
  id: string;
  /** The relevance score (text rank × recency) for ranked queries, 0 for newest-first ones. */
  rank: number;
  /** UTC text with microseconds: sorts as text in time order. */
  publishedAt: string;
  language: string;
  topics: string[];
  places: string[];
  feedId: string;
}

export type CandidateOrder = 'relevance' | 'newest';

/** Shared copies of repeated values (languages, topic and place lists, feeds). */
const interned = new Map<string, string | string[]>();
const MAX_INTERNED = 100_000;

function intern<T extends string | string[]>(value: T): T {
  const key = Array.isArray(value) ? `[]${value.join('\u0000')}` : `s${value}`;
  const known = interned.get(key);
  if (known !== undefined) return known as T;
  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(key, value);
  return value;
}

/**
 * A row as the cache keeps it: its repeated values shared with every other cached row, as
 * thousands of candidate sets hold the same few languages, topic lists and feeds.
 */
export function compactCandidate(row: CandidateRow): CandidateRow {
  return {
    id: row.id,
    rank: row.rank,
    publishedAt: row.publishedAt,
    language: intern(row.language),
    topics: intern(row.topics),
    places: intern(row.places),
    feedId: intern(row.feedId),
  };
}

export interface FacetTally {
  facet: string;
  value: string;
  count: number;
}

/** Newest first, then id descending: the order of the time index the candidates come from. */
const newer = (a: CandidateRow, b: CandidateRow) =>
  a.publishedAt === b.publishedAt ? compare(b.id, a.id) : compare(b.publishedAt, a.publishedAt);
const higher = (a: CandidateRow, b: CandidateRow) =>
  a.rank === b.rank ? compare(b.id, a.id) : b.rank - a.rank;
/** The only time format compared as text: the one the candidate rows carry. */
const UTC_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The newest `capacity` matches of one query, kept newest first: always a prefix of all its
 * matches in that order, so a page read from it is the page the database would return.
 * `complete` when it holds every match. Changes are applied by article id: the caller re-reads
 * the changed articles and passes those that still match.
 */
export class CandidateSet {
  private rows: CandidateRow[];
  private byRank?: CandidateRow[];
  complete: boolean;

  constructor(
    rows: CandidateRow[],
    readonly capacity: number,
  ) {
    this.rows = rows.map(compactCandidate).sort(newer).slice(0, capacity);
    this.complete = rows.length < capacity;
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * Replaces the changed articles by their current matching rows. A match older than the last
   * candidate of an incomplete set stays out (what lies between is unknown); one dropped from
   * a full set leaves it a shorter prefix, which `servesRanking` then refuses.
   */
  apply(changedIds: Iterable<string>, matching: CandidateRow[]): void {
    const changed = new Set(changedIds);
    const kept = this.rows.filter((row) => !changed.has(row.id));
    const last = this.complete ? undefined : this.rows[this.rows.length - 1];
    const admitted = matching.filter((row) => !last || newer(row, last) < 0).map(compactCandidate);
    const merged = [...kept, ...admitted].sort(newer);
    if (merged.length > this.capacity) this.complete = false;
    this.rows = merged.slice(0, this.capacity);
    this.byRank = undefined;
  }

  /** Ranking reads the newest `capacity` matches: the set must hold exactly those. */
  servesRanking(): boolean {
    return this.complete || this.rows.length === this.capacity;
  }

  /**
   * Up to `count` rows after the cursor in the given order, or undefined when the set cannot
   * tell (newest-first past the prefix it holds).
   */
  page(
    order: CandidateOrder,
    cursor: SearchCursor | undefined,
    count: number,
  ): CandidateRow[] | undefined {
    if (order === 'relevance') {
      if (!this.servesRanking() || (cursor && cursor.sort !== 'relevance')) return undefined;
      this.byRank ??= [...this.rows].sort(higher);
      const start = cursor ? this.byRank.findIndex((row) => afterRank(row, cursor)) : 0;
      return start < 0 ? [] : this.byRank.slice(start, start + count);
    }
    if (cursor && (cursor.sort !== 'newest' || !UTC_TEXT.test(cursor.publishedAt)))
      return undefined;
    const start = cursor ? this.rows.findIndex((row) => afterTime(row, cursor)) : 0;
    const rows = start < 0 ? [] : this.rows.slice(start, start + count);
    return rows.length === count || this.complete ? rows : undefined;
  }

  /**
   * Facet counts over the newest `scan` matches (with a 'total' row), or undefined when the
   * set holds fewer of them than that and not all.
   */
  facets(scan: number): FacetTally[] | undefined {
    if (this.rows.length < scan && !this.complete) return undefined;
    const counted = this.rows.slice(0, scan);
    const tallies = new Map<string, FacetTally>();
    const add = (facet: string, value: string) => {
      const key = `${facet}\u0000${value}`;
      const tally = tallies.get(key);
      if (tally) tally.count++;
      else tallies.set(key, { facet, value, count: 1 });
    };
    for (const row of counted) {
      add('languages', row.language);
      for (const topic of row.topics) add('topics', topic);
      for (const place of row.places) add('places', place);
      add('feeds', row.feedId);
    }
    return [{ facet: 'total', value: '', count: counted.length }, ...tallies.values()];
  }
}

function afterRank(row: CandidateRow, cursor: SearchCursor & { sort: 'relevance' }): boolean {
  return row.rank < cursor.rank || (row.rank === cursor.rank && row.id < cursor.id);
}

function afterTime(row: CandidateRow, cursor: SearchCursor & { sort: 'newest' }): boolean {
  return (
    row.publishedAt < cursor.publishedAt ||
    (row.publishedAt === cursor.publishedAt && row.id < cursor.id)
  );
}
