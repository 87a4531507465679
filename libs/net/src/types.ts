/** The response headers a feed scheduler and the conditional-GET store care about. */
export interface FeedHeaders {
  contentType?: string;
  etag?: string;
  lastModified?: string;
  cacheControl?: string;
  expires?: string;
  retryAfter?: string;
  /** The server's `Date`, to read `Expires` relative to the server clock. */
  date?: string;
  age?: string;
  contentEncoding?: string;
}

/** One redirect followed: `from` answered `status` with a Location resolving to `to`. */
export interface RedirectHop {
  readonly from: string;
  readonly to: string;
  readonly status: number;
}
