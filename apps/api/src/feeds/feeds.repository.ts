import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { encodeEvent, TOPICS } from '#contracts';
import { queryRows, writeOutbox } from '#database';
import type { OpmlFeed } from './opml.js';

const EVENT_SOURCE = '/newsfeed/api';

export interface FeedView {
  id: string;
  url: string;
  title: string | null;
  siteUrl: string | null;
  status: string;
  health: string;
  nextFetchAt: string;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastStatus: number | null;
  lastOutcome: string | null;
  lastError: string | null;
  errorCount: number;
  consecutiveFailures: number;
  intervalSeconds: number;
  createdAt: string;
}

/** A listed feed with its exact (microsecond) place in the listing order. */
export interface ListedFeed {
  feed: FeedView;
  position: string;
}

export interface FeedHealthView {
  id: string;
  url: string;
  status: string;
  health: string;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastStatus: number | null;
  lastOutcome: string | null;
  lastError: string | null;
  errorCount: number;
  consecutiveFailures: number;
  failingSince: string | null;
  nextFetchAt: string;
  intervalSeconds: number;
  /** Articles first stored per UTC day, oldest first, the last 7 days including today. */
  articlesPerDay: { day: string; articles: number }[];
  articlesLast7Days: number;
}

export interface FeedFilter {
  status?: string;
  health?: string;
  host?: string;
  q?: string;
  failing?: boolean;
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface FeedChanges {
  title?: string | null;
  url?: string;
  paused?: boolean;
}

export type UpdateResult = { found: false } | { found: true; conflict: boolean; feed?: FeedView };

const VIEW_COLUMNS = `id, url, title, site_url, status, health, next_fetch_at, last_fetched_at,
  last_success_at, last_status, last_outcome, last_error, error_count, consecutive_errors,
  interval_seconds, created_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position`;

const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string | Date).toISOString();

/** The fetch state both the feed view and the health view show, from a `feeds` row. */
function fetchStateOf(row: Record<string, unknown>) {
  return {
    id: String(row.id),
    url: String(row.url),
    status: String(row.status),
    health: String(row.health),
    nextFetchAt: iso(row.next_fetch_at)!,
    lastFetchedAt: iso(row.last_fetched_at),
    lastSuccessAt: iso(row.last_success_at),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastOutcome: (row.last_outcome as string | null) ?? null,
    lastError: (row.last_error as string | null) ?? null,
    errorCount: Number(row.error_count),
    consecutiveFailures: Number(row.consecutive_errors),
    intervalSeconds: Number(row.interval_seconds),
  };
}

function toView(row: Record<string, unknown>): FeedView {
  return {
    ...fetchStateOf(row),
    title: (row.title as string | null) ?? null,
    siteUrl: (row.site_url as string | null) ?? null,
    createdAt: iso(row.created_at)!,
  };
}

/** LIKE pattern matching `text` literally anywhere. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Rows per multi-row insert of an OPML import (bound as four arrays). */
const IMPORT_CHUNK = 2000;

/** The feeds table as the admin API sees it; plain SQL, one statement per request where possible. */
@Injectable()
export class FeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Subscribes (idempotent by URL); `created` is false when the URL was already subscribed. */
  async subscribe(
    url: string,
    title: string | null,
    paused: boolean,
  ): Promise<{ feed: FeedView; created: boolean }> {
    const inserted = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `INSERT INTO feeds (id, url, title, status) VALUES ($1, $2, $3, $4)
       ON CONFLICT (url) DO NOTHING RETURNING ${VIEW_COLUMNS}`,
      [randomUUID(), url, title, paused ? 'paused' : 'active'],
    );
    if (inserted[0]) return { feed: toView(inserted[0]), created: true };
    const existing = await this.findBy('url', url);
    return { feed: existing!, created: false };
  }

  async list(filter: FeedFilter): Promise<{ items: ListedFeed[]; more: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (filter.status) where.push(`status = ${bind(filter.status)}`);
    if (filter.health) where.push(`health = ${bind(filter.health)}`);
    if (filter.host) where.push(`host = ${bind(filter.host.toLowerCase())}`);
    if (filter.failing !== undefined)
      where.push(filter.failing ? 'consecutive_errors > 0' : 'consecutive_errors = 0');
    if (filter.q) {
      const pattern = bind(containing(filter.q));
      where.push(`(url ILIKE ${pattern} OR title ILIKE ${pattern})`);
    }
    if (filter.after) {
      where.push(
        `(created_at, id) > (${bind(filter.after.createdAt)}::timestamptz, ${bind(filter.after.id)}::uuid)`,
      );
    }
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${VIEW_COLUMNS} FROM feeds
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at, id LIMIT ${bind(filter.limit + 1)}`,
      params,
    );
    return {
      items: rows
        .slice(0, filter.limit)
        .map((row) => ({ feed: toView(row), position: String(row.position) })),
      more: rows.length > filter.limit,
    };
  }

  async find(id: string): Promise<FeedView | null> {
    return this.findBy('id', id);
  }

  private async findBy(column: 'id' | 'url', value: string): Promise<FeedView | null> {
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${VIEW_COLUMNS} FROM feeds WHERE ${column} = $1`,
      [value],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /**
   * Title, URL and paused state. A new URL starts over: validators, the move streak and the
   * not-found streak are cleared and the feed is due at once. Resuming makes it due at once.
   */
  async update(id: string, changes: FeedChanges): Promise<UpdateResult> {
    try {
      const rows = await queryRows<Record<string, unknown>>(
        this.dataSource,
        `UPDATE feeds SET
            title = CASE WHEN $2::boolean THEN $3 ELSE title END,
            url = COALESCE($4, url),
            etag = CASE WHEN $4 IS NOT NULL AND $4 <> url THEN NULL ELSE etag END,
            last_modified = CASE WHEN $4 IS NOT NULL AND $4 <> url THEN NULL ELSE last_modified END,
            redirect_url = CASE WHEN $4 IS NOT NULL AND $4 <> url THEN NULL ELSE redirect_url END,
            redirect_count = CASE WHEN $4 IS NOT NULL AND $4 <> url THEN 0 ELSE redirect_count END,
            consecutive_not_found = CASE WHEN $4 IS NOT NULL AND $4 <> url THEN 0 ELSE consecutive_not_found END,
            status = CASE
              WHEN $5::boolean IS TRUE THEN 'paused'
              WHEN $5::boolean IS FALSE AND status = 'paused'
                THEN CASE WHEN health IN ('parked', 'gone') AND ($4 IS NULL OR $4 = url) THEN health ELSE 'active' END
              WHEN $4 IS NOT NULL AND $4 <> url AND status <> 'paused' THEN 'active'
              ELSE status END,
            health = CASE WHEN $4 IS NOT NULL AND $4 <> url THEN 'active' ELSE health END,
            next_fetch_at = CASE
              WHEN ($4 IS NOT NULL AND $4 <> url) OR ($5::boolean IS FALSE AND status = 'paused') THEN now()
              ELSE next_fetch_at END,
            updated_at = now()
          WHERE id = $1
          RETURNING ${VIEW_COLUMNS}`,
        [
          id,
          changes.title !== undefined,
          changes.title ?? null,
          changes.url ?? null,
          changes.paused ?? null,
        ],
      );
      return rows[0] ? { found: true, conflict: false, feed: toView(rows[0]) } : { found: false };
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return { found: true, conflict: true };
      throw error;
    }
  }

  /** Due now (a paused feed stays paused); the lease, if any, is left to finish. */
  async forceFetch(id: string): Promise<FeedView | null> {
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `UPDATE feeds SET next_fetch_at = now(), updated_at = now() WHERE id = $1 RETURNING ${VIEW_COLUMNS}`,
      [id],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /**
   * Unsubscribes a feed and forgets its articles with everything derived from them (the
   * articles go with the feed, their enrichments and story lookup keys with them; their search
   * documents are deleted here), in one transaction that also leaves a tombstone (the indexer
   * skips documents of removed feeds still in flight) and queues news.feeds.removed.v1 for the
   * api instances' caches. False if there was no feed.
   */
  async remove(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [removed] = await queryRows<{ url: string; articles: number }>(
        manager,
        `WITH feed_articles AS (SELECT id FROM articles WHERE feed_id = $1),
              documents AS (DELETE FROM search_documents WHERE feed_id = $1),
              removed AS (DELETE FROM feeds WHERE id = $1 RETURNING id, url),
              tombstone AS (
                INSERT INTO removed_feeds (feed_id) SELECT id FROM removed ON CONFLICT DO NOTHING)
         SELECT url, (SELECT count(*) FROM feed_articles)::int AS articles FROM removed`,
        [id],
      );
      if (!removed) return false;
      const payload = {
        feedId: id,
        url: removed.url,
        articlesRemoved: removed.articles,
        removedAt: new Date().toISOString(),
      };
      const event = encodeEvent(TOPICS.feedRemoved, payload, { key: id, source: EVENT_SOURCE });
      await writeOutbox(manager, [{ topic: TOPICS.feedRemoved, event }]);
      return true;
    });
  }

  async health(id: string): Promise<FeedHealthView | null> {
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT f.id, f.url, f.status, f.health, f.last_fetched_at, f.last_success_at, f.last_status,
              f.last_outcome, f.last_error, f.error_count, f.consecutive_errors, f.failing_since,
              f.next_fetch_at, f.interval_seconds,
              (SELECT coalesce(json_agg(json_build_object('day', to_char(d.day, 'YYYY-MM-DD'),
                                                          'articles', coalesce(c.n, 0)) ORDER BY d.day), '[]')
                 FROM generate_series((now() AT TIME ZONE 'UTC')::date - 6,
                                      (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS d(day)
                 LEFT JOIN (SELECT (a.created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n
                              FROM articles a
                             WHERE a.feed_id = f.id
                               AND a.created_at >= ((now() AT TIME ZONE 'UTC')::date - 6) AT TIME ZONE 'UTC'
                             GROUP BY 1) c ON c.day = d.day::date) AS per_day
         FROM feeds f WHERE f.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const perDay = (typeof row.per_day === 'string' ? JSON.parse(row.per_day) : row.per_day) as {
      day: string;
      articles: number;
    }[];
    return {
      ...fetchStateOf(row),
      failingSince: iso(row.failing_since),
      articlesPerDay: perDay,
      articlesLast7Days: perDay.reduce((sum, day) => sum + day.articles, 0),
    };
  }

  /** Multi-row inserts in chunks; returns how many were new (the rest were already subscribed). */
  async importFeeds(
    feeds: readonly OpmlFeed[],
    onProgress?: (done: number, imported: number) => void,
  ): Promise<number> {
    let imported = 0;
    for (let start = 0; start < feeds.length; start += IMPORT_CHUNK) {
      const chunk = feeds.slice(start, start + IMPORT_CHUNK);
      const rows = await queryRows<{ id: string }>(
        this.dataSource,
        `INSERT INTO feeds (id, url, title, site_url)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (url) DO NOTHING RETURNING id`,
        [
          chunk.map(() => randomUUID()),
          chunk.map((feed) => feed.url),
          chunk.map((feed) => feed.title ?? null),
          chunk.map((feed) => feed.siteUrl ?? null),
        ],
      );
      imported += rows.length;
      onProgress?.(start + chunk.length, imported);
    }
    return imported;
  }

  /** Every feed for the OPML export, oldest subscription first. */
  async exportAll(): Promise<{ url: string; title: string | null; siteUrl: string | null }[]> {
    const rows = await queryRows<{ url: string; title: string | null; site_url: string | null }>(
      this.dataSource,
      `SELECT url, title, site_url FROM feeds ORDER BY created_at, id`,
    );
    return rows.map((row) => ({ url: row.url, title: row.title, siteUrl: row.site_url }));
  }
}
