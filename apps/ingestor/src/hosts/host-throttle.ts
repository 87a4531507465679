import type { DataSource } from 'typeorm';
import type { HostGate } from '../fetch/host-limiter.js';
import {
  type HostBackoffConfig,
  type HostDecision,
  type HostObservation,
  decideHostBackoff,
} from '../schedule/host-backoff.js';

/** One feed of the host as the feeds table remembers its latest answer. */
export interface HostFeedRow {
  id: string;
  last_fetched_at: Date | string;
  last_status: number | null;
}

const THROTTLED = new Set([429, 503]);

/**
 * Each feed's latest answer from the host, read from the feeds table (every replica writes there),
 * with the answer just received standing in for its feed's row.
 */
export function hostObservations(
  rows: readonly HostFeedRow[],
  current: HostObservation,
): HostObservation[] {
  const others = rows
    .filter((row) => row.id !== current.feedId)
    .map((row) => ({
      feedId: row.id,
      at: new Date(row.last_fetched_at).getTime(),
      throttled: row.last_status !== null && THROTTLED.has(Number(row.last_status)),
    }));
  return [...others, current];
}

/**
 * Host-wide 429/503 deferral shared by replicas: when a feed is throttled, the host's other feeds'
 * latest answers (since its last deferral ended) decide with decideHostBackoff whether the whole
 * host waits; the deferral and its strike count live in the hosts table, where claims see it.
 */
export class HostThrottle {
  constructor(
    private readonly db: DataSource,
    private readonly gate: HostGate,
    private readonly config: HostBackoffConfig,
  ) {}

  async throttled(host: string, current: HostObservation): Promise<HostDecision> {
    const rows: (HostFeedRow & { strikes: number })[] = await this.db.query(
      `SELECT f.id, f.last_fetched_at, f.last_status, h.strikes
         FROM hosts h
         JOIN feeds f ON f.host = h.host
        WHERE h.host = $1
          AND f.last_fetched_at > greatest(now() - make_interval(secs => $2::double precision / 1000),
                                           coalesce(h.deferred_until, '-infinity'))`,
      [host, this.config.windowMs],
    );
    const strikes = rows.length > 0 ? Number(rows[0]!.strikes) : 0;
    const decision = decideHostBackoff(
      hostObservations(rows, current),
      Date.now(),
      this.config,
      strikes,
    );
    if (decision.defer) {
      // Several feeds of the host answering 503 at once are one episode, one strike: the strike
      // and the deferral are set together, and only while the host is not deferred yet.
      await this.db.query(
        `UPDATE hosts SET strikes = strikes + 1,
                deferred_until = greatest(coalesce(deferred_until, '-infinity'),
                                          to_timestamp($2::float8 / 1000))
          WHERE host = $1 AND (deferred_until IS NULL OR deferred_until <= now())`,
        [host, decision.until],
      );
      await this.gate.deferHost(host, decision.until);
    }
    return decision;
  }
}
