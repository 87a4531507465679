import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  sleepUnlessAborted,
  type HostGate,
  type HostPermit,
  type TryAcquireResult,
} from '../fetch/host-limiter.js';

export interface DbHostGateOptions {
  /** Requests in flight per host across all replicas. */
  maxConcurrent: number;
  /** Minimum gap between the starts of two requests to one host, across all replicas. */
  minDelayMs: number;
  /** A permit not released by then (its replica died) stops counting. */
  permitTtlMs: number;
  /** How soon to ask again when the host is at its concurrency limit. */
  busyRetryMs?: number;
}

/** A permit held in the hosts table; `permitId` lets another statement release it. */
export interface DbHostPermit extends HostPermit {
  readonly permitId: string;
}

type Runner = Pick<DataSource | EntityManager, 'query'>;

/**
 * Grants a permit only when the host's politeness clock allows it, the host is not deferred and
 * fewer than `maxConcurrent` unexpired permits are out. The row update is the lock: a replica
 * racing for the same host waits for it and then re-checks the new row, so two replicas never
 * both get the last permit.
 */
const TRY_ACQUIRE = `
  WITH clock AS (SELECT (extract(epoch FROM now()) * 1000)::bigint AS ms),
  granted AS (
    UPDATE hosts h SET
       permits = (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
                    FROM jsonb_each(h.permits) WHERE value::bigint > (SELECT ms FROM clock))
                 || jsonb_build_object($2::text, (SELECT ms FROM clock) + $3::bigint),
       next_allowed_at = now() + make_interval(secs => $4::double precision / 1000),
       updated_at = now()
     WHERE h.host = $1 AND h.next_allowed_at <= now()
       AND (h.deferred_until IS NULL OR h.deferred_until <= now())
       AND (SELECT count(*) FROM jsonb_each(h.permits)
             WHERE value::bigint > (SELECT ms FROM clock)) < $5
     RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM granted) AS granted,
         (SELECT extract(epoch FROM greatest(next_allowed_at, coalesce(deferred_until, next_allowed_at)))
                 * 1000 FROM hosts WHERE host = $1)::float8 AS blocked_until`;

/** The HostGate shared by every replica, backed by the `hosts` table. */
export class DbHostGate implements HostGate {
  private readonly busyRetryMs: number;

  constructor(
    private readonly db: Runner,
    private readonly options: DbHostGateOptions,
  ) {
    this.busyRetryMs = options.busyRetryMs ?? 100;
  }

  async tryAcquire(host: string): Promise<TryAcquireResult> {
    const first = await this.attempt(host);
    if (first.ok || first.retryAt !== undefined) return first as TryAcquireResult;
    // No row yet (a feed inserted before the hosts table existed): create it and ask again.
    await this.db.query(`INSERT INTO hosts (host) VALUES ($1) ON CONFLICT (host) DO NOTHING`, [
      host,
    ]);
    const second = await this.attempt(host);
    return second.ok ? second : { ok: false, retryAt: Date.now() + this.busyRetryMs };
  }

  async acquire(host: string, signal?: AbortSignal): Promise<HostPermit> {
    for (;;) {
      if (signal?.aborted) await sleepUnlessAborted(0, signal);
      const result = await this.tryAcquire(host);
      if (result.ok) return result.permit;
      await sleepUnlessAborted(Math.max(1, result.retryAt - Date.now()), signal);
    }
  }

  async deferHost(host: string, until: number): Promise<void> {
    await this.db.query(
      `INSERT INTO hosts (host, deferred_until) VALUES ($1, to_timestamp($2::float8 / 1000))
       ON CONFLICT (host) DO UPDATE SET
         deferred_until = greatest(coalesce(hosts.deferred_until, '-infinity'), EXCLUDED.deferred_until),
         updated_at = now()`,
      [host, until],
    );
  }

  /** Releases a permit by id (also done by FeedClaims.record in the poll's own statement). */
  async release(host: string, permitId: string): Promise<void> {
    await this.db.query(`UPDATE hosts SET permits = permits - $2::text WHERE host = $1`, [
      host,
      permitId,
    ]);
  }

  private async attempt(
    host: string,
  ): Promise<{ ok: true; permit: DbHostPermit } | { ok: false; retryAt?: number }> {
    const permitId = randomUUID();
    const rows: { granted: boolean; blocked_until: number | string | null }[] = await this.db.query(
      TRY_ACQUIRE,
      [
        host,
        permitId,
        this.options.permitTtlMs,
        this.options.minDelayMs,
        this.options.maxConcurrent,
      ],
    );
    const row = rows[0];
    if (row?.granted) return { ok: true, permit: this.permit(host, permitId) };
    if (row?.blocked_until === null || row?.blocked_until === undefined) return { ok: false };
    const blockedUntil = Number(row.blocked_until);
    const now = Date.now();
    // Not blocked by time, so by the concurrency limit: ask again soon.
    return { ok: false, retryAt: blockedUntil > now ? blockedUntil : now + this.busyRetryMs };
  }

  private permit(host: string, permitId: string): DbHostPermit {
    let released = false;
    return {
      host,
      permitId,
      release: async () => {
        if (released) return;
        released = true;
        await this.release(host, permitId);
      },
    };
  }
}
