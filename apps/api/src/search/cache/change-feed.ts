import type { SqlQuery } from '../search-sql.js';
import { buildChangedDocumentsSql, buildChangesSql } from '../search-sql.js';
import type { HitRow } from '../search.repository.js';
import { DocumentLexemes } from './lexeme-prefilter.js';

export type RunQuery = <T>(query: SqlQuery) => Promise<T[]>;

/** A changed article as the feed read it right after its change: lexemes and display row. */
export interface ChangedDocument {
  lexemes: DocumentLexemes;
  /** Its columns as a hit (no highlights, rank 0). */
  hit: HitRow;
}

/**
 * What changed since a position — each article with the document of its newest change when the
 * feed still has it — or `undefined` when the feed no longer remembers that far.
 */
export type ChangedIds = Map<string, ChangedDocument | undefined> | undefined;

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
  /** Of those, the newest whose documents are kept (≈ 2 kB each) to spare re-reads. */
  documentsRetained: number;
  /**
   * A caller may be answered by a read that started up to this long before it called (0: only
   * by a read that starts after the call). Spares a round trip per request under load.
   */
  maxStalenessMs: number;
  /** Milliseconds, monotonic (tests pass their own). */
  clock?: () => number;
}

interface Read {
  startedAt: number;
  done: Promise<number>;
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
  /** Documents by position, for the newest `documentsRetained` positions. */
  private readonly documents = new Map<number, ChangedDocument>();
  /** The position of each article's newest kept document. */
  private readonly newestOf = new Map<string, number>();
  private since?: string;
  /** Versions read in the look-back window (`id@indexedAt`), with their indexed_at. */
  private readonly seen = new Map<string, number>();
  private running?: Read;
  private queued?: Promise<number>;
  /** The last read that succeeded, while no change is known to have come after it. */
  private latest?: { startedAt: number; position: number };
  /** When the last change was announced (see `expire`): reads started before it are stale. */
  private expiredAt = -Infinity;
  private readonly clock: () => number;

  constructor(
    private readonly run: RunQuery,
    private readonly options: ChangeFeedOptions,
  ) {
    this.clock = options.clock ?? (() => performance.now());
  }

  /**
   * The position after a read that started after this call, or at most `maxStalenessMs` before
   * it and after the last `expire`: everything committed before then is at or before it.
   * Concurrent callers share reads.
   */
  sync(): Promise<number> {
    if (this.latest && this.answers(this.latest.startedAt)) {
      return Promise.resolve(this.latest.position);
    }
    if (this.running && this.answers(this.running.startedAt)) return this.running.done;
    if (!this.running) return this.start().done;
    this.queued ??= this.running.done
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.sync();
      });
    return this.queued;
  }

  /**
   * Something was indexed (the api heard the indexer's event): no read that started before now
   * may answer, however recent, so whoever heard of the change finds it.
   */
  expire(): void {
    this.expiredAt = this.clock();
    this.latest = undefined;
  }

  /** Whether a read that started then may answer a call now (not a new read). */
  private answers(startedAt: number): boolean {
    return (
      this.options.maxStalenessMs > 0 &&
      startedAt > this.expiredAt &&
      startedAt >= this.clock() - this.options.maxStalenessMs
    );
  }

  private start(): Read {
    const startedAt = this.clock();
    const done = this.read().then((position) => {
      if (startedAt > this.expiredAt) this.latest = { startedAt, position };
      return position;
    });
    const read: Read = {
      startedAt,
      done: done.finally(() => {
        if (this.running === read) this.running = undefined;
      }),
    };
    this.running = read;
    return read;
  }

  /** The articles changed after `from` up to `to`; undefined when `from` is forgotten. */
  changedBetween(from: number, to: number): ChangedIds {
    if (from < this.first) return undefined;
    const changed = new Map<string, ChangedDocument | undefined>();
    for (let position = from; position < to; position++) {
      const id = this.log[position - this.first]!;
      changed.delete(id);
      changed.set(id, this.documents.get(position));
    }
    return changed;
  }

  /** The article as the feed last read it after a change, while that is kept. */
  documentOf(id: string): ChangedDocument | undefined {
    const position = this.newestOf.get(id);
    return position === undefined ? undefined : this.documents.get(position);
  }

  private async read(): Promise<number> {
    const [row] = await this.run<ChangesRow>(
      buildChangesSql(this.since, this.options.overlapMs, this.options.maxChanges),
    );
    if (!row) return this.position;
    if (this.since !== undefined) await this.readDocuments(this.record(row.changes));
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
      this.documents.clear();
      this.newestOf.clear();
      return recorded;
    }
    for (const change of changes) {
      if (this.seen.has(change)) continue;
      const [id, indexedAt] = change.split('@') as [string, string];
      this.seen.set(change, Number(indexedAt));
      // Until its document is read again, an older one must not stand for it.
      this.newestOf.delete(id);
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
   * The current documents of the changed articles. One read later than their change: a newer
   * version's document then stands for the older change too, which its own change re-checks.
   */
  private async readDocuments(recorded: Map<string, number>): Promise<void> {
    if (recorded.size === 0 || this.options.documentsRetained === 0) return;
    const rows = await this.run<HitRow & { lexemes: string }>(
      buildChangedDocumentsSql([...recorded.keys()]),
    );
    const found = rows
      .map(
        ({ lexemes, ...hit }) =>
          [recorded.get(hit.id), { lexemes: new DocumentLexemes(lexemes), hit }] as const,
      )
      .filter((pair): pair is readonly [number, ChangedDocument] => pair[0] !== undefined)
      .sort(([a], [b]) => a - b);
    // In position order, so the oldest are first when they are dropped.
    for (const [position, document] of found) {
      this.documents.set(position, document);
      this.newestOf.set(document.hit.id, position);
    }
    const oldest = this.position - this.options.documentsRetained;
    for (const [position, document] of this.documents) {
      if (position >= oldest) break;
      this.documents.delete(position);
      if (this.newestOf.get(document.hit.id) === position) this.newestOf.delete(document.hit.id);
    }
  }

  /** Versions older than the next read's look-back cannot come again. */
  private forgetSeenBefore(horizon: number): void {
    for (const [change, indexedAt] of this.seen) if (indexedAt < horizon) this.seen.delete(change);
  }
}
