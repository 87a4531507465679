import { Counter } from 'prom-client';
import type { HitRow } from '../search.repository.js';
import { CandidateSet, type CandidateRow } from './candidate-set.js';
import { FrequencySketch } from './frequency-sketch.js';
import type { ChangedDocument, ChangeFeed } from './change-feed.js';

export const searchCacheRequests = new Counter({
  name: 'newsfeed_search_cache_requests_total',
  help: 'Searches by how the result cache answered: hit, caught_up (re-read changed articles), built, bypassed (read from the database)',
  labelNames: ['outcome'] as const,
});

export type CacheOutcome = 'hit' | 'caught_up' | 'built' | 'bypassed';

/** Many refusals with few hits: SEARCH_RESULT_CACHE_ENTRIES is too small for the query mix. */
export const searchCacheAdmissions = new Counter({
  name: 'newsfeed_search_cache_admissions_total',
  help: 'Built query answers by whether the full result cache kept them (kept) or kept the less recently used, more often asked query instead (refused)',
  labelNames: ['result'] as const,
});

/** How a cached query is (re)built and caught up. */
export interface CandidateLoader {
  /** The newest `capacity` matches now. */
  build(): Promise<CandidateRow[]>;
  /** Which of these articles match now. */
  reread(ids: string[]): Promise<CandidateRow[]>;
  /**
   * A changed article judged from the document the change feed read: its candidate row,
   * `null` when it cannot match, `undefined` when only a re-read can tell (none: re-read all).
   */
  judge?: (document: ChangedDocument) => CandidateRow | null | undefined;
}

export interface CachedQuery {
  readonly set: CandidateSet;
  /** The change-feed position the set is current at. */
  position: number;
  /** Display rows (highlighted) of candidates already shown, dropped when they change. */
  readonly hits: Map<string, HitRow>;
  catchingUp?: Promise<boolean>;
}

/** Re-reading more changed articles than this costs about as much as a rebuild. */
const MAX_REREAD = 2000;
/**
 * Display rows kept per query: the first pages (default size, and the row after it) of both
 * orders, which share the query's candidates.
 */
const MAX_HITS = 42;

/**
 * Candidate sets of recent queries, each caught up with the change feed before it answers: a
 * cached answer is the answer the database would give now. When full, a new query takes the
 * place of the least recently used one only if it was asked for more often lately (TinyLFU's
 * admission): most queries of a search log are asked once, and under plain LRU each of those
 * pushed out a query that would have been asked again.
 */
export class ResultCache {
  private readonly entries = new Map<string, CachedQuery>();
  private readonly frequencies: FrequencySketch;
  private readonly building = new Map<string, Promise<CachedQuery>>();
  /** Bumped by clear(): a build that started before keeps its answer but is not stored. */
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly maxEntries: number,
  ) {
    this.frequencies = new FrequencySketch(Math.max(1, maxEntries));
  }

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Forgets every entry and every build in flight: for what the change feed cannot show, as
   * documents deleted with a removed feed.
   */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.building.clear();
  }

  /** The query's candidates, current as of a change-feed read that started after this call. */
  async current(
    key: string,
    capacity: number,
    loader: CandidateLoader,
  ): Promise<{ entry: CachedQuery; outcome: CacheOutcome }> {
    this.frequencies.increment(key);
    const position = await this.feed.sync();
    let outcome: CacheOutcome = 'hit';
    for (;;) {
      const cached = this.entries.get(key);
      const entry = cached ?? (await this.build(key, position, capacity, loader));
      if (!cached) outcome = 'built';
      if (entry.position >= position) return { entry: this.touch(key, entry), outcome };
      if (await this.catchUp(entry, position, loader)) {
        return {
          entry: this.touch(key, entry),
          outcome: outcome === 'hit' ? 'caught_up' : outcome,
        };
      }
      if (this.entries.get(key) === entry) this.entries.delete(key);
    }
  }

  /** Display rows of `ids` in that order: kept ones, the rest loaded (and kept). */
  async hits(
    entry: CachedQuery,
    ids: readonly string[],
    load: (missing: string[]) => Promise<HitRow[]>,
  ): Promise<HitRow[]> {
    const missing = ids.filter((id) => !entry.hits.has(id));
    const found = new Map(
      ids.flatMap((id) => (entry.hits.has(id) ? [[id, entry.hits.get(id)!]] : [])),
    );
    if (missing.length) {
      const position = entry.position;
      const loaded = await load(missing);
      for (const row of loaded) found.set(row.id, row);
      // Rows read while the entry caught up with a change may predate it: not kept.
      if (entry.position === position) {
        for (const row of loaded) entry.hits.set(row.id, row);
        // The rows kept longest go first (a Map iterates in insertion order).
        for (const id of entry.hits.keys()) {
          if (entry.hits.size <= MAX_HITS) break;
          entry.hits.delete(id);
        }
      }
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  private touch(key: string, entry: CachedQuery): CachedQuery {
    // Least recently used first: a Map keeps insertion order.
    if (this.entries.get(key) === entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private build(
    key: string,
    position: number,
    capacity: number,
    loader: CandidateLoader,
  ): Promise<CachedQuery> {
    const pending = this.building.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const built: Promise<CachedQuery> = loader
      .build()
      .then((rows) => {
        const entry: CachedQuery = {
          set: new CandidateSet(rows, capacity),
          position,
          hits: new Map(),
        };
        if (generation === this.generation) this.store(key, entry);
        return entry;
      })
      .finally(() => {
        if (this.building.get(key) === built) this.building.delete(key);
      });
    this.building.set(key, built);
    return built;
  }

  /** Keeps the entry, unless the cache is full and it was asked for no more than the LRU one. */
  private store(key: string, entry: CachedQuery): void {
    this.entries.delete(key);
    // Entries come one at a time, so a full cache has exactly one to give up: the LRU one.
    const victim =
      this.entries.size >= this.maxEntries ? this.entries.keys().next().value : undefined;
    if (victim !== undefined) {
      if (this.frequencies.frequency(key) <= this.frequencies.frequency(victim)) {
        searchCacheAdmissions.inc({ result: 'refused' });
        return;
      }
      this.entries.delete(victim);
    }
    searchCacheAdmissions.inc({ result: 'kept' });
    this.entries.set(key, entry);
  }

  /** Brings the entry to `position`, one catch-up at a time; false when it must be rebuilt. */
  private async catchUp(
    entry: CachedQuery,
    position: number,
    loader: CandidateLoader,
  ): Promise<boolean> {
    while (entry.position < position) {
      if (entry.catchingUp) {
        if (!(await entry.catchingUp)) return false;
        continue;
      }
      entry.catchingUp = this.reread(entry, position, loader).finally(() => {
        entry.catchingUp = undefined;
      });
    }
    return true;
  }

  private async reread(
    entry: CachedQuery,
    position: number,
    loader: CandidateLoader,
  ): Promise<boolean> {
    const changed = this.feed.changedBetween(entry.position, position);
    if (!changed) return false;
    // Articles judged from what the change feed read need no re-read.
    const judged: CandidateRow[] = [];
    const unsure: string[] = [];
    for (const [id, document] of changed) {
      const verdict = document && loader.judge ? loader.judge(document) : undefined;
      if (verdict) judged.push(verdict);
      else if (verdict === undefined) unsure.push(id);
    }
    if (unsure.length > MAX_REREAD) return false;
    if (changed.size > 0) {
      const reread = unsure.length ? await loader.reread(unsure) : [];
      entry.set.apply(changed.keys(), [...judged, ...reread]);
      for (const id of changed.keys()) entry.hits.delete(id);
      // A candidate that stopped matching left a shorter prefix: rebuilt rather than limp on.
      if (!entry.set.servesRanking()) return false;
    }
    entry.position = position;
    return true;
  }
}
