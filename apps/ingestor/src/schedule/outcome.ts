import { FetchError } from '#net';
import type { FeedHeaders } from '#net';
import type { FetchOutcome } from './interval-policy.js';
import type { PublisherHints } from './publisher-hints.js';

/** Feed-level hints (from the parsed document) merged with the response's caching headers. */
export function hintsFrom(headers: FeedHeaders, feedHints: PublisherHints = {}): PublisherHints {
  return {
    ...feedHints,
    cacheControl: headers.cacheControl,
    expires: headers.expires,
    date: headers.date,
    age: headers.age,
  };
}

/** A successful fetch (200 or 304) as a scheduling outcome. */
export function outcomeOfSuccess(headers: FeedHeaders, feedHints?: PublisherHints): FetchOutcome {
  return { kind: 'ok', hints: hintsFrom(headers, feedHints) };
}

/** A failed fetch as a scheduling outcome: 429/503 throttle, 404/410 not found, the rest errors. */
export function outcomeOfError(err: unknown): FetchOutcome {
  if (!(err instanceof FetchError) || err.kind !== 'http_status') return { kind: 'error' };
  const status = err.status ?? 0;
  if (status === 429 || status === 503) {
    return {
      kind: 'throttled',
      status,
      retryAfter: err.headers?.retryAfter,
      serverDate: err.headers?.date,
    };
  }
  if (status === 404 || status === 410) return { kind: 'not_found', status };
  return { kind: 'error' };
}
