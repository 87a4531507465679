import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '#database';
import type { SearchParams } from '../saved-searches/saved-searches.repository.js';

export type SubscriptionStatus = 'active' | 'paused' | 'disabled';

export interface Subscription {
  id: string;
  url: string;
  filter: SearchParams;
  savedSearchId: string | null;
  status: SubscriptionStatus;
  disabledReason: string | null;
  consecutiveFailedDeliveries: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  createdAt: string;
}

/** An active subscription with the filter it matches on (its saved search's, when linked). */
export interface MatchingSubscription {
  id: string;
  filter: SearchParams;
  createdAt: string;
}

export interface Delivery {
  id: string;
  articleId: string;
  articleVersion: number;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  attempts: number;
  payload: unknown;
  url: string;
  secret: string;
  consecutiveFailedDeliveries: number;
  lastSuccessAt: string;
}

export interface NewDelivery {
  subscriptionId: string;
  articleId: string;
  articleVersion: number;
  payload: Record<string, unknown>;
}

const SUBSCRIPTION = `id, target_url AS url, filter, saved_search_id AS "savedSearchId", status,
  disabled_reason AS "disabledReason", consecutive_failed_deliveries AS "consecutiveFailedDeliveries",
  last_success_at AS "lastSuccessAt", last_failure_at AS "lastFailureAt", created_at AS "createdAt"`;

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

function toSubscription(row: Record<string, unknown>): Subscription {
  return {
    ...(row as unknown as Subscription),
    lastSuccessAt: iso(row.lastSuccessAt),
    lastFailureAt: iso(row.lastFailureAt),
    createdAt: iso(row.createdAt)!,
  };
}

@Injectable()
export class WebhooksRepository {
  constructor(private readonly dataSource: DataSource) {}

  private rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return queryRows<T>(this.dataSource, sql, params);
  }

  async create(input: {
    url: string;
    secret: string;
    filter: SearchParams;
    savedSearchId: string | null;
  }): Promise<Subscription> {
    const [row] = await this.rows(
      `INSERT INTO webhook_subscriptions (id, target_url, secret, filter, saved_search_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${SUBSCRIPTION}`,
      [randomUUID(), input.url, input.secret, JSON.stringify(input.filter), input.savedSearchId],
    );
    return toSubscription(row!);
  }

  async list(savedSearchId?: string): Promise<Subscription[]> {
    const rows = await this.rows(
      `SELECT ${SUBSCRIPTION} FROM webhook_subscriptions
        WHERE $1::uuid IS NULL OR saved_search_id = $1 ORDER BY created_at LIMIT 1000`,
      [savedSearchId ?? null],
    );
    return rows.map(toSubscription);
  }

  async find(id: string): Promise<Subscription | null> {
    const [row] = await this.rows(
      `SELECT ${SUBSCRIPTION} FROM webhook_subscriptions WHERE id = $1`,
      [id],
    );
    return row ? toSubscription(row) : null;
  }

  /** Re-activating resets the failure count, so one more failure does not disable it again. */
  async update(
    id: string,
    changes: { url?: string; filter?: SearchParams; status?: 'active' | 'paused' },
  ): Promise<Subscription | null> {
    const [row] = await this.rows(
      `UPDATE webhook_subscriptions SET target_url = coalesce($2, target_url),
              filter = coalesce($3::jsonb, filter), status = coalesce($4, status),
              disabled_reason = CASE WHEN $4 IS NULL THEN disabled_reason ELSE NULL END,
              consecutive_failed_deliveries = CASE WHEN $4 = 'active' THEN 0 ELSE consecutive_failed_deliveries END,
              updated_at = now()
        WHERE id = $1 RETURNING ${SUBSCRIPTION}`,
      [
        id,
        changes.url ?? null,
        changes.filter ? JSON.stringify(changes.filter) : null,
        changes.status ?? null,
      ],
    );
    return row ? toSubscription(row) : null;
  }

  async remove(id: string): Promise<boolean> {
    return (
      (await this.rows(`DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id`, [id]))
        .length > 0
    );
  }

  async deliveries(subscriptionId: string, limit = 100): Promise<Delivery[]> {
    const rows = await this.rows<Delivery>(
      `SELECT id, article_id AS "articleId", article_version AS "articleVersion", status, attempts,
              next_attempt_at AS "nextAttemptAt", last_status AS "lastStatus", last_error AS "lastError",
              last_duration_ms AS "lastDurationMs", created_at AS "createdAt", delivered_at AS "deliveredAt"
         FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY created_at DESC LIMIT $2`,
      [subscriptionId, limit],
    );
    return rows.map((row) => ({
      ...row,
      nextAttemptAt: iso(row.nextAttemptAt)!,
      createdAt: iso(row.createdAt)!,
      deliveredAt: iso(row.deliveredAt),
    }));
  }

  async activeSubscriptions(): Promise<MatchingSubscription[]> {
    const rows = await this.rows<MatchingSubscription>(
      `SELECT s.id, coalesce(ss.params, s.filter) AS filter, s.created_at AS "createdAt"
         FROM webhook_subscriptions s LEFT JOIN saved_searches ss ON ss.id = s.saved_search_id
        WHERE s.status = 'active'`,
    );
    return rows.map((row) => ({ ...row, createdAt: iso(row.createdAt)! }));
  }

  /** Idempotent: the same article version is queued once per subscription. */
  async enqueue(deliveries: NewDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const pick = <T>(map: (d: NewDelivery) => T) => deliveries.map(map);
    const ids = deliveries.map(() => randomUUID());
    const rows = await this.rows(
      `INSERT INTO webhook_deliveries (id, subscription_id, article_id, article_version, payload)
       SELECT u.id, u.subscription_id, u.article_id, u.article_version,
              jsonb_set(u.payload::jsonb, '{id}', to_jsonb(u.id::text))
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[])
           AS u(id, subscription_id, article_id, article_version, payload)
       ON CONFLICT (subscription_id, article_id, article_version) DO NOTHING RETURNING id`,
      [
        ids,
        pick((d) => d.subscriptionId),
        pick((d) => d.articleId),
        pick((d) => d.articleVersion),
        pick((d) => JSON.stringify(d.payload)),
      ],
    );
    return rows.length;
  }

  /**
   * Claims due deliveries of active subscriptions (SKIP LOCKED: replicas never take the same
   * one) and leases them until `leaseMs` from now, so a crashed worker's claim comes back.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await this.rows<ClaimedDelivery>(
      `UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond',
              updated_at = now()
         FROM webhook_subscriptions s
        WHERE s.id = d.subscription_id AND d.id IN (
              SELECT d2.id FROM webhook_deliveries d2
                JOIN webhook_subscriptions s2 ON s2.id = d2.subscription_id AND s2.status = 'active'
               WHERE d2.status = 'pending' AND d2.next_attempt_at <= now()
               ORDER BY d2.next_attempt_at LIMIT $1 FOR UPDATE OF d2 SKIP LOCKED)
        RETURNING d.id, d.subscription_id AS "subscriptionId", d.attempts, d.payload,
                  s.target_url AS url, s.secret,
                  s.consecutive_failed_deliveries AS "consecutiveFailedDeliveries",
                  coalesce(s.last_success_at, s.created_at) AS "lastSuccessAt"`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({ ...row, lastSuccessAt: iso(row.lastSuccessAt)! }));
  }

  async recordAttempt(
    id: string,
    result: {
      status: 'pending' | 'delivered' | 'failed';
      nextAttemptAt?: Date;
      httpStatus?: number;
      error?: string;
      durationMs: number;
    },
  ): Promise<void> {
    await this.rows(
      `UPDATE webhook_deliveries SET status = $2, next_attempt_at = coalesce($3, next_attempt_at),
              last_status = $4, last_error = $5, last_duration_ms = $6, updated_at = now(),
              delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [
        id,
        result.status,
        result.nextAttemptAt ?? null,
        result.httpStatus ?? null,
        result.error?.slice(0, 1000) ?? null,
        result.durationMs,
      ],
    );
  }

  async recordHealth(
    subscriptionId: string,
    health: { succeeded: boolean; consecutiveFailedDeliveries: number; disableReason?: string },
  ): Promise<void> {
    await this.rows(
      `UPDATE webhook_subscriptions SET consecutive_failed_deliveries = $2,
              last_success_at = CASE WHEN $3 THEN now() ELSE last_success_at END,
              last_failure_at = CASE WHEN $3 THEN last_failure_at ELSE now() END,
              status = CASE WHEN $4::text IS NULL THEN status ELSE 'disabled' END,
              disabled_reason = coalesce($4, disabled_reason), updated_at = now()
        WHERE id = $1`,
      [
        subscriptionId,
        health.consecutiveFailedDeliveries,
        health.succeeded,
        health.disableReason ?? null,
      ],
    );
  }
}
