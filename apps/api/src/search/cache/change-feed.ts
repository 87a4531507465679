import type { SqlQuery } from '../search-sql.js';
import { buildChangesSql, buildLexemesSql } from '../search-sql.js';
import type { LexemeText } from './lexeme-prefilter.js';

export type RunQuery = <T>(query: SqlQuery) => Promise<T[]>;

/**
 * What changed since a position — each article with the lexemes of its newest change when the
 * feed still has them — or `undefined` when the feed no longer remembers that far.
 */
export type ChangedIds = Map<string, LexemeText | undefined> | undefined;

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
  /** Of those, the newest whose lexemes are kept (≈ 1.3 kB each) to spare re-reads. */
  lexemesRetained: number;
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
  /** Lexemes by position, for the newest `lexemesRetained` positions. */
  private readonly lexemes = new Map<number, LexemeText>();
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
    const changed = new Map<string, LexemeText | undefined>();
    for (let position = from; position < to; position++) {
      const id = this.log[position - this.first]!;
      changed.delete(id);
      changed.set(id, this.lexemes.get(position));
    }
    return changed;
  }

  private async read(): Promise<number> {
    const [row] = await this.run<ChangesRow>(
      buildChangesSql(this.since, this.options.overlapMs, this.options.maxChanges),
    );
    if (!row) return this.position;
    if (this.since !== undefined) await this.readLexemes(this.record(row.changes));
    this.since = row.now;
    this.forgetSeenBefore(Number(row.horizon));
    return this.position;
  }

  /** Logs the changes not seen yet; returns their positions by article id. */
  private record(changes: string[]): Map<string, number> {
    const recorded = new Map<string, number>();
    if (changes.length >= this.options.maxChanges) {
      // Too many to list: no cached query can catch up, so none is trusted.
      this.position += changes.length;
      this.first = this.position;
      this.log = [];
      this.lexemes.clear();
      return recorded;
    }
    for (const change of changes) {
      if (this.seen.has(change)) continue;
      const [id, indexedAt] = change.split('@') as [string, string];
      this.seen.set(change, Number(indexedAt));
      this.log.push(id);
      recorded.set(id, this.position);
      this.position++;
    }
    const excess = this.log.length - this.options.retained;
    if (excess > 0) {
      this.log = this.log.slice(excess);
      this.first += excess;
    }
    return recorded;
  }

  /**
   * The current lexemes of the changed articles. One read later than their change: a newer
   * version's lexemes then stand for the older change too, which its own change re-checks.
   */
  private async readLexemes(recorded: Map<string, number>): Promise<void> {
    if (recorded.size === 0 || this.options.lexemesRetained === 0) return;
    const rows = await this.run<{ id: string; lexemes: string }>(
      buildLexemesSql([...recorded.keys()]),
    );
    const found = rows
      .map((row) => [recorded.get(row.id), row.lexemes] as const)
      .filter((pair): pair is readonly [number, string] => pair[0] !== undefined)
      .sort(([a], [b]) => a - b);
    // In position order, so the oldest are first when they are dropped.
    for (const [position, lexemes] of found) this.lexemes.set(position, lexemes);
    const oldest = this.position - this.options.lexemesRetained;
    for (const position of this.lexemes.keys()) {
      if (position >= oldest) break;
      this.lexemes.delete(position);
    }
  }

  /** Versions older than the next read's look-back cannot come again. */
  private forgetSeenBefore(horizon: number): void {
    for (const [change, indexedAt] of this.seen) if (indexedAt < horizon) this.seen.delete(change);
  }
}
