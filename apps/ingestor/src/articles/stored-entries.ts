import { createHash } from 'node:crypto';
import type { FeedEntry } from '../parse/types.js';

/**
 * What each feed's entries looked like when this process last stored them, so the unchanged
 * entries of a changed feed are neither normalised nor stored again: a 304 per entry. A changed
 * feed mostly repeats its entries, and normalising each again (sanitising HTML, fingerprints,
 * hashes) to let the database call it a duplicate was most of the ingestor's work. Per process:
 * after a restart, or on another replica, a feed's first poll goes the whole way. Feeds least
 * recently stored go first when more than `maxEntries` entries are remembered.
 */
export class StoredEntries {
  private readonly byFeed = new Map<string, ReadonlySet<string>>();
  private size = 0;

  constructor(private readonly maxEntries: number) {}

  /** The entry as parsed from a feed at `feedUrl` (links resolve against it). */
  digest(entry: FeedEntry, feedUrl: string): string {
    return createHash('sha256')
      .update(feedUrl)
      .update('\u0000')
      .update(JSON.stringify(entry))
      .digest('base64');
  }

  /** Whether this entry, as digested, was stored from this feed the last time it was. */
  stored(feedId: string, digest: string): boolean {
    return this.byFeed.get(feedId)?.has(digest) ?? false;
  }

  /** The feed's entries of a fetch that was stored: these, and only these, are remembered. */
  remember(feedId: string, digests: readonly string[]): void {
    if (this.maxEntries === 0) return;
    this.forget(feedId);
    const kept = new Set(digests.slice(0, this.maxEntries));
    this.byFeed.set(feedId, kept);
    this.size += kept.size;
    for (const [oldest] of this.byFeed) {
      if (this.size <= this.maxEntries) break;
      this.forget(oldest);
    }
  }

  private forget(feedId: string): void {
    const known = this.byFeed.get(feedId);
    if (!known) return;
    this.size -= known.size;
    this.byFeed.delete(feedId);
  }
}
