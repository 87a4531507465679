import type { SearchCursor } from '../query/index.js';
import type { FacetRow } from '../search-sql.js';
import { microseconds, PackedCandidates, UTC_TEXT } from './packed-candidates.js';

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

/** Newest first, then id descending: the order of the time index the candidates come from. */
const newer = (a: CandidateRow, b: CandidateRow) =>
  a.publishedAt === b.publishedAt ? compare(b.id, a.id) : compare(b.publishedAt, a.publishedAt);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The newest `capacity` matches of one query, kept newest first: always a prefix of all its
 * matches in that order, so a page read from it is the page the database would return.
 * `complete` when it holds every match. Changes are applied by article id: the caller re-reads
 * the changed articles and passes those that still match.
 */
export class CandidateSet {
  private packed: PackedCandidates;
  /** Positions in relevance order (rank, then id, descending), worked out when first asked. */
  private byRank?: Uint32Array;
  /** The last facet counts asked for, until the set changes (every cached answer asks). */
  private counted?: { scan: number; rows: FacetRow[] };
  complete: boolean;

  constructor(
    rows: CandidateRow[],
    readonly capacity: number,
  ) {
    this.packed = new PackedCandidates([...rows].sort(newer).slice(0, capacity));
    this.complete = rows.length < capacity;
  }

  get size(): number {
    return this.packed.length;
  }

  /**
   * Replaces the changed articles by their current matching rows. A match older than the last
   * candidate of an incomplete set stays out (what lies between is unknown); one dropped from
   * a full set leaves it a shorter prefix, which `servesRanking` then refuses.
   */
  apply(changedIds: Iterable<string>, matching: CandidateRow[]): void {
    const changed = new Set(changedIds);
    const size = this.packed.length;
    const last = this.complete || size === 0 ? undefined : this.packed.row(size - 1);
    const admitted = matching.filter((row) => !last || newer(row, last) < 0);
    // Most changes are to other articles: nothing to re-pack.
    if (admitted.length === 0 && ![...changed].some((id) => this.packed.has(id))) return;
    const kept = this.packed.rows().filter((row) => !changed.has(row.id));
    const merged = [...kept, ...admitted].sort(newer);
    if (merged.length > this.capacity) this.complete = false;
    this.packed = new PackedCandidates(merged.slice(0, this.capacity));
    this.byRank = undefined;
    this.counted = undefined;
  }

  /** Ranking reads the newest `capacity` matches: the set must hold exactly those. */
  servesRanking(): boolean {
    return this.complete || this.packed.length === this.capacity;
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
    if (!this.packed.ordered) return undefined;
    if (order === 'relevance') {
      if (!this.servesRanking() || (cursor && cursor.sort !== 'relevance')) return undefined;
      const positions = this.rankOrder();
      const start = cursor
        ? this.firstAfter(positions.length, (i) => this.afterRank(positions[i]!, cursor))
        : 0;
      return Array.from(positions.subarray(start, start + count), (i) => this.packed.row(i));
    }
    if (cursor && (cursor.sort !== 'newest' || !UTC_TEXT.test(cursor.publishedAt)))
      return undefined;
    const at = cursor ? microseconds(cursor.publishedAt) : 0;
    const start = cursor
      ? this.firstAfter(this.packed.length, (i) => this.afterTime(i, at, cursor.id))
      : 0;
    const end = Math.min(start + count, this.packed.length);
    if (end - start < count && !this.complete) return undefined;
    return Array.from({ length: end - start }, (_, k) => this.packed.row(start + k));
  }

  /**
   * Facet counts over the newest `scan` matches (with a 'total' row), or undefined when the
   * set holds fewer of them than that and not all. The same array until the set changes.
   */
  facets(scan: number): FacetRow[] | undefined {
    if (this.packed.length < scan && !this.complete) return undefined;
    if (this.counted?.scan !== scan) this.counted = { scan, rows: this.tally(scan) };
    return this.counted.rows;
  }

  private tally(scan: number): FacetRow[] {
    const counted = Math.min(scan, this.packed.length);
    const tallies = new Map<string, FacetRow>();
    const add = (facet: string, value: string) => {
      const key = `${facet}\u0000${value}`;
      const tally = tallies.get(key);
      if (tally) tally.count++;
      else tallies.set(key, { facet, value, count: 1 });
    };
    for (let i = 0; i < counted; i++) {
      const row = this.packed.facets(i);
      add('languages', row.language);
      for (const topic of row.topics) add('topics', topic);
      for (const place of row.places) add('places', place);
      add('feeds', row.feedId);
    }
    return [{ facet: 'total', value: '', count: counted }, ...tallies.values()];
  }

  private rankOrder(): Uint32Array {
    if (this.byRank) return this.byRank;
    const packed = this.packed;
    const positions = Uint32Array.from({ length: packed.length }, (_, i) => i);
    positions.sort((a, b) => packed.rank(b) - packed.rank(a) || packed.compareIds(b, a));
    this.byRank = positions;
    return positions;
  }

  /** The first position where `after` holds, for a predicate false then true along the order. */
  private firstAfter(length: number, after: (position: number) => boolean): number {
    let low = 0;
    let high = length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (after(middle)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private afterRank(i: number, cursor: SearchCursor & { sort: 'relevance' }): boolean {
    const rank = this.packed.rank(i);
    return rank < cursor.rank || (rank === cursor.rank && this.packed.id(i) < cursor.id);
  }

  private afterTime(i: number, at: number, id: string): boolean {
    const time = this.packed.time(i);
    return time < at || (time === at && this.packed.id(i) < id);
  }
}
