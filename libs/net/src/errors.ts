import type { FeedHeaders, RedirectHop } from './types.js';

export type FetchErrorKind =
  | 'bad_url'
  | 'ssrf_refused'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'http_status'
  | 'decode'
  | 'aborted'
  | 'network';

export interface FetchErrorDetails {
  /** The URL being fetched when the error happened (the last hop of a redirect chain). */
  url?: string;
  /** HTTP status for `http_status` (e.g. 404, 410, 429, 503). */
  status?: number;
  headers?: FeedHeaders;
  redirects?: readonly RedirectHop[];
  /** Which timeout fired, for `timeout`. */
  phase?: 'connect' | 'total';
  cause?: unknown;
}

/** The one error type `fetchFeed` rejects with; `kind` tells the scheduler how to react. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly kind: FetchErrorKind;
  readonly url?: string;
  readonly status?: number;
  readonly headers?: FeedHeaders;
  readonly redirects: readonly RedirectHop[];
  readonly phase?: 'connect' | 'total';

  constructor(kind: FetchErrorKind, message: string, details: FetchErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.url = details.url;
    this.status = details.status;
    this.headers = details.headers;
    this.redirects = details.redirects ?? [];
    this.phase = details.phase;
  }

  /** A copy with more context (the fetcher learns the URL and chain after the fact). */
  withContext(details: FetchErrorDetails): FetchError {
    return new FetchError(this.kind, this.message, {
      url: this.url ?? details.url,
      status: this.status ?? details.status,
      headers: this.headers ?? details.headers,
      redirects: this.redirects.length > 0 ? this.redirects : details.redirects,
      phase: this.phase ?? details.phase,
      cause: this.cause ?? details.cause,
    });
  }
}

export function isFetchError(value: unknown): value is FetchError {
  return value instanceof FetchError;
}
