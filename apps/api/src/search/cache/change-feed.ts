import type { SqlQuery } from '../search-sql.js';
import { buildChangesSql } from '../search-sql.js';

export type RunQuery = <T>(query: SqlQuery) => Promise<T[]>;

/** What changed since a position, or `undefined` when the feed no longer remembers that far. */
export type ChangedIds = Set<string> | undefined;

interface ChangesRow {
  now: string;
  /** now minus the overlap, in microseconds: where the next read will start looking. */
  horizon: string;
  /** `id@indexedAt`, indexed_at in microseconds since the epoch. */
  changes: string[];
}

export interface ChangeFeedOptions {
  /**
   * How far back each read looks before the previous one's time: indexed_at is the indexer's
   * transaction start, so a batch committed after a read may carry an earlier time.
   */
  overlapMs: number;
  /** Changes read at most per call; more means a burst (a reindex): every position is lost. */
  maxChanges: number;
  /** Changes remembered for cached queries that catch up later. */
  retained: number;
}

/**
 * The search documents indexed (inserted or updated) since a position, read from the
 * (indexed_at, article_id) index. Cached queries keep the position they are current at and
 * re-read only the articles changed since, so a cached answer is as fresh as a new query.
 */
export class ChangeFeed {
  /** Positions are counts of changes seen; `first` is the oldest position still remembered. */
  private position = 0;
  private first = 0;
  private log: string[] = [];
  private since?: string;
  /** Versions read in the look-back window (`id@indexedAt`), with their indexed_at. */
  private readonly seen = new Map<string, number>();
  private running?: Promise<number>;
  private queued?: Promise<number>;

  constructor(
    private readonly run: RunQuery,
    private readonly options: ChangeFeedOptions,
  ) {}

  /**
   * The position after a read that started after this call: everything committed before the
   * call is at or before it. Concurrent callers share reads.
   */
  sync(): Promise<number> {
    if (!this.running) {
      this.running = this.read().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.sync();
      });
    return this.queued;
  }

  /** The articles changed after `from` up to `to`; undefined when `from` is forgotten. */
  changedBetween(from: number, to: number): ChangedIds {
    if (from < this.first) return undefined;
    return new Set(this.log.slice(from - this.first, to - this.first));
  }

  private async read(): Promise<number> {
    const [row] = await this.run<ChangesRow>(
      buildChangesSql(this.since, this.options.overlapMs, this.options.maxChanges),
    );
    if (!row) return this.position;
    if (this.since !== undefined) this.record(row.changes);
    this.since = row.now;
    this.forgetSeenBefore(Number(row.horizon));
    return this.position;
  }

  private record(changes: string[]): void {
    if (changes.length >= this.options.maxChanges) {
      // Too many to list: no cached query can catch up, so none is trusted.
      this.position += changes.length;
      this.first = this.position;
      this.log = [];
      return;
    }
    for (const change of changes) {
      if (this.seen.has(change)) continue;
      const [id, indexedAt] = change.split('@') as [string, string];
      this.seen.set(change, Number(indexedAt));
      this.log.push(id);
      this.position++;
    }
    const excess = this.log.length - this.options.retained;
    if (excess > 0) {
      this.log = this.log.slice(excess);
      this.first += excess;
    }
  }

  /** Versions older than the next read's look-back cannot come again. */
  private forgetSeenBefore(horizon: number): void {
    for (const [change, indexedAt] of this.seen) if (indexedAt < horizon) this.seen.delete(change);
  }
}
