import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '#database';
import type { IngestorEnv } from '../env.js';
import { INGESTOR_ENV } from '../tokens.js';
import type { ClaimedFeed, FeedStateUpdate } from './claimed-feed.js';

/**
 * Due feeds are leased with FOR UPDATE SKIP LOCKED: replicas never poll one feed at once, and a
 * lease left by a crashed replica simply expires.
 */
@Injectable()
export class FeedClaims {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGESTOR_ENV) private readonly env: IngestorEnv,
  ) {}

  async claimDue(limit: number): Promise<ClaimedFeed[]> {
    if (limit <= 0) return [];
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `UPDATE feeds f SET lease_owner = $1, lease_until = now() + make_interval(secs => $2)
         FROM (SELECT id FROM feeds
                WHERE status IN ('active', 'parked', 'gone') AND next_fetch_at <= now()
                  AND (lease_until IS NULL OR lease_until < now())
                ORDER BY next_fetch_at LIMIT $3
                FOR UPDATE SKIP LOCKED) due
        WHERE f.id = due.id
        RETURNING f.id, f.url, f.title, f.etag, f.last_modified, f.interval_seconds,
                  f.consecutive_errors, f.status, f.language`,
      [this.env.INGESTOR_WORKER_ID, this.env.FEED_LEASE_SECONDS, limit],
    );
    return rows.map((row) => ({
      id: String(row.id),
      url: String(row.url),
      title: (row.title as string | null) ?? null,
      etag: (row.etag as string | null) ?? null,
      lastModified: (row.last_modified as string | null) ?? null,
      intervalSeconds: Number(row.interval_seconds),
      consecutiveErrors: Number(row.consecutive_errors),
      status: row.status as ClaimedFeed['status'],
      language: (row.language as string | null) ?? null,
    }));
  }

  /** Applies a poll's outcome and releases the lease, if this replica still holds it. */
  async record(manager: EntityManager, feedId: string, update: FeedStateUpdate): Promise<void> {
    await manager.query(
      `UPDATE feeds SET
          last_fetched_at = $3, last_status = $4, last_error = $5,
          last_success_at = CASE WHEN $6 THEN $3 ELSE last_success_at END,
          error_count = error_count + CASE WHEN $6 THEN 0 ELSE 1 END,
          consecutive_errors = CASE WHEN $6 THEN 0 ELSE consecutive_errors + 1 END,
          etag = CASE WHEN $7 THEN $8 ELSE etag END,
          last_modified = CASE WHEN $7 THEN $9 ELSE last_modified END,
          next_fetch_at = $10, interval_seconds = $11,
          status = CASE WHEN status = 'paused' THEN status ELSE $12 END,
          title = COALESCE(title, $13), site_url = COALESCE($14, site_url),
          language = COALESCE($15, language),
          url = COALESCE($16, url),
          lease_owner = NULL, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND lease_owner = $2`,
      [
        feedId,
        this.env.INGESTOR_WORKER_ID,
        update.fetchedAt,
        update.httpStatus,
        update.error,
        update.succeeded,
        update.validators !== undefined,
        update.validators?.etag ?? null,
        update.validators?.lastModified ?? null,
        update.nextFetchAt,
        update.intervalSeconds,
        update.status,
        update.title ?? null,
        update.siteUrl ?? null,
        update.language ?? null,
        update.movedTo ?? null,
      ],
    );
  }
}
