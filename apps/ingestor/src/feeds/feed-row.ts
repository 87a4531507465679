import type { ClaimedFeed, FeedDocumentHints } from './claimed-feed.js';

/** The feed columns a claim returns. */
export const CLAIMED_COLUMNS = `f.id, f.url, f.host, f.title, f.etag, f.last_modified, f.interval_seconds,
  f.status, f.language, f.health, f.consecutive_errors, f.failing_since, f.consecutive_not_found,
  f.redirect_url, f.redirect_count, f.recent_published_at, f.publisher_hints`;

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

function dates(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => new Date(item as string | Date).getTime()).filter(Number.isFinite);
}

function hints(value: unknown): FeedDocumentHints {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed && typeof parsed === 'object' ? (parsed as FeedDocumentHints) : {};
}

/** A claimed row as the pipeline sees it. */
export function toClaimedFeed(row: Record<string, unknown>): ClaimedFeed {
  return {
    id: String(row.id),
    url: String(row.url),
    host: text(row.host) ?? '',
    title: text(row.title),
    etag: text(row.etag),
    lastModified: text(row.last_modified),
    intervalSeconds: Number(row.interval_seconds),
    status: row.status as ClaimedFeed['status'],
    language: text(row.language),
    health: row.health as ClaimedFeed['health'],
    consecutiveFailures: Number(row.consecutive_errors),
    failingSince: row.failing_since ? new Date(row.failing_since as string | Date) : null,
    consecutiveNotFound: Number(row.consecutive_not_found),
    redirectCandidate: text(row.redirect_url),
    redirectStreak: Number(row.redirect_count),
    recentPublishedAt: dates(row.recent_published_at),
    publisherHints: hints(row.publisher_hints),
  };
}
