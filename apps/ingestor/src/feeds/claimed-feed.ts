/** A feed this replica holds the lease of, with what a fetch needs. */
export interface ClaimedFeed {
  id: string;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  intervalSeconds: number;
  consecutiveErrors: number;
  status: 'active' | 'parked' | 'gone';
  language: string | null;
}

/** The fetch-state change one poll decided; written together with its articles and events. */
export interface FeedStateUpdate {
  fetchedAt: Date;
  succeeded: boolean;
  httpStatus: number | null;
  error: string | null;
  /** Validators are replaced only when the feed changed (some servers alter them on 304). */
  validators?: { etag: string | null; lastModified: string | null };
  nextFetchAt: Date;
  intervalSeconds: number;
  status: 'active' | 'parked' | 'gone';
  title?: string;
  siteUrl?: string;
  language?: string;
  /** A new permanent URL, once the move is confirmed. */
  movedTo?: string;
}
