import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { outboxColumns, outboxInsertSql, queryRows, type OutboxRow } from '#database';
import type { IngestorEnv } from '../env.js';
import { INGESTOR_ENV } from '../tokens.js';
import type { ClaimedFeed, FeedStateUpdate } from './claimed-feed.js';
import { CLAIMED_COLUMNS, toClaimedFeed } from './feed-row.js';

/** A host permit still held in the hosts table, released by the same statement that records. */
export interface HeldHostPermit {
  host: string;
  permitId: string;
}

type Runner = Pick<EntityManager | DataSource, 'query'>;

/** Candidates locked per claim, as a multiple of the feeds wanted (room for the per-host cap). */
const CANDIDATE_FACTOR = 4;

/**
 * Due feeds are leased with FOR UPDATE SKIP LOCKED: replicas never poll one feed at once, and a
 * lease left by a crashed replica simply expires. Feeds of a host that is deferred, or whose
 * politeness delay has not run out, are not claimed, and one claim takes few feeds of any host, so
 * one big host cannot fill every fetch slot with polls that only wait for their turn.
 */
@Injectable()
export class FeedClaims {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGESTOR_ENV) private readonly env: IngestorEnv,
  ) {}

  /**
   * Feeds of one host per claim: with a politeness delay a second one would only wait for its
   * turn while holding a fetch slot, so take one; without a delay, as many as may run at once.
   */
  private get perHost(): number {
    return this.env.HOST_MIN_DELAY_MS > 0 ? 1 : this.env.HOST_MAX_CONCURRENCY;
  }

  /** A host whose politeness clock frees it this soon is worth claiming for now. */
  private get claimAheadMs(): number {
    return Math.min(250, this.env.HOST_MIN_DELAY_MS);
  }

  async claimDue(limit: number): Promise<ClaimedFeed[]> {
    if (limit <= 0) return [];
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `WITH candidates AS (
         SELECT f.id, f.host, f.next_fetch_at FROM feeds f
          WHERE f.status IN ('active', 'parked', 'gone') AND f.next_fetch_at <= now()
            AND (f.lease_until IS NULL OR f.lease_until < now())
            AND NOT EXISTS (SELECT 1 FROM hosts h
                             WHERE h.host = f.host
                               AND (h.deferred_until > now() OR h.claimed_until > now()
                                    OR h.next_allowed_at > now() + $6::interval))
          ORDER BY f.next_fetch_at LIMIT $4
          FOR UPDATE OF f SKIP LOCKED),
       picked AS (
         SELECT id FROM (SELECT id, next_fetch_at,
                                row_number() OVER (PARTITION BY host ORDER BY next_fetch_at) AS n
                           FROM candidates) c
          WHERE n <= $5 ORDER BY next_fetch_at LIMIT $3),
       leased AS (
         UPDATE feeds f SET lease_owner = $1, lease_until = now() + make_interval(secs => $2)
           FROM picked WHERE f.id = picked.id
         RETURNING ${CLAIMED_COLUMNS}),
       marked AS (
         UPDATE hosts SET claimed_until = now() + $7::interval
          WHERE $8::boolean AND host IN (SELECT host FROM leased))
       SELECT * FROM leased`,
      [
        this.env.INGESTOR_WORKER_ID,
        this.env.FEED_LEASE_SECONDS,
        limit,
        limit * CANDIDATE_FACTOR,
        this.perHost,
        `${this.claimAheadMs} milliseconds`,
        `${this.env.HOST_MIN_DELAY_MS - this.claimAheadMs} milliseconds`,
        this.env.HOST_MIN_DELAY_MS > 0,
      ],
    );
    return rows.map(toClaimedFeed);
  }

  /**
   * Applies a poll's outcome, releases the lease (if this replica still holds it) and the host
   * permit, and queues the events: one statement, so a 304 costs a single round trip. Run it
   * inside the articles' transaction when the poll stored articles.
   */
  async record(
    runner: Runner,
    feedId: string,
    update: FeedStateUpdate,
    events: readonly OutboxRow[],
    permit?: HeldHostPermit,
  ): Promise<void> {
    await runner.query(
      `WITH feed AS (
         UPDATE feeds SET
            last_fetched_at = $3, last_status = $4, last_error = $5,
            last_success_at = CASE WHEN $6::boolean THEN $3 ELSE last_success_at END,
            error_count = error_count + CASE WHEN $6::boolean THEN 0 ELSE 1 END,
            consecutive_errors = $7, health = $8, failing_since = $9, consecutive_not_found = $10,
            etag = CASE WHEN $11::boolean THEN $12 ELSE etag END,
            last_modified = CASE WHEN $11::boolean THEN $13 ELSE last_modified END,
            next_fetch_at = $14, interval_seconds = $15,
            status = CASE WHEN status = 'paused' THEN status ELSE $16 END,
            title = COALESCE(title, $17), site_url = COALESCE($18, site_url),
            language = COALESCE($19, language),
            url = CASE WHEN $20::text IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM feeds o WHERE o.url = $20::text AND o.id <> $1)
                       THEN $20::text ELSE url END,
            redirect_url = $21, redirect_count = $22,
            recent_published_at = COALESCE($23::timestamptz[], recent_published_at),
            last_outcome = $24, publisher_hints = COALESCE($31::jsonb, publisher_hints),
            lease_owner = NULL, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND lease_owner = $2
          RETURNING id),
       host AS (
         UPDATE hosts SET
            permits = CASE WHEN $26::text IS NULL THEN permits ELSE permits - $26::text END,
            strikes = CASE WHEN $6::boolean THEN 0 ELSE strikes END
          WHERE host = $25
            AND (($26::text IS NOT NULL AND permits ->> $26::text IS NOT NULL)
                 OR ($6::boolean AND strikes > 0))
          RETURNING host)
       ${outboxInsertSql(27)}`,
      [
        feedId,
        this.env.INGESTOR_WORKER_ID,
        update.fetchedAt,
        update.httpStatus,
        update.error,
        update.succeeded,
        update.consecutiveFailures,
        update.health,
        update.failingSince,
        update.consecutiveNotFound,
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
        update.redirectCandidate,
        update.redirectStreak,
        update.recentPublishedAt?.map((ms) => new Date(ms)) ?? null,
        update.outcome,
        permit?.host ?? '',
        permit?.permitId ?? null,
        ...outboxColumns(events),
        update.publisherHints ? JSON.stringify(update.publisherHints) : null,
      ],
    );
  }

  /** Gives a feed back unpolled (its host is busy or deferred) to be claimed again at `at`. */
  async handBack(feedId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE feeds SET next_fetch_at = $3, lease_owner = NULL, lease_until = NULL
        WHERE id = $1 AND lease_owner = $2`,
      [feedId, this.env.INGESTOR_WORKER_ID, at],
    );
  }
}
