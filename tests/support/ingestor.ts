import { randomUUID } from 'node:crypto';
import type { Stack } from './stack.js';

/** Ingestor settings that poll every feed about once a second, with no pause between a host's polls. */
export const POLL_EVERY_SECOND = {
  FEED_MIN_INTERVAL_SECONDS: '1',
  FEED_MAX_INTERVAL_SECONDS: '1',
  FEED_DEFAULT_INTERVAL_SECONDS: '1',
  FEED_MIN_RETRY_SECONDS: '1',
  HOST_MAX_CONCURRENCY: '8',
  HOST_MIN_DELAY_MS: '0',
};

/** The feeds columns the ingestor tests read. */
export interface FeedRow {
  id: string;
  url: string;
  status: string;
  health: string;
  last_status: number | null;
  last_outcome: string | null;
  last_error: string | null;
  next_fetch_at: Date;
  redirect_url: string | null;
  redirect_count: number;
  etag: string | null;
  consecutive_errors: number;
  last_fetched_at: Date | null;
}

/** Subscribes to `url` by writing its feeds row, as the feeds admin does; returns its id. */
export async function insertFeed(stack: Stack, url: string): Promise<string> {
  const id = randomUUID();
  await stack.query('INSERT INTO feeds (id, url) VALUES ($1, $2)', [id, url]);
  return id;
}

export async function feedRow(stack: Stack, id: string): Promise<FeedRow> {
  const [row] = await stack.query<FeedRow>('SELECT * FROM feeds WHERE id = $1', [id]);
  if (!row) throw new Error(`no feed ${id}`);
  return row;
}
