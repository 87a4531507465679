import type { FeedHealth } from '../schedule/interval-policy.js';

export type FeedStatus = 'active' | 'parked' | 'gone';

/** A feed this replica holds the lease of, with what a fetch and its scheduling need. */
export interface ClaimedFeed {
  id: string;
  url: string;
  host: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  intervalSeconds: number;
  status: FeedStatus;
  language: string | null;
  health: FeedHealth;
  consecutiveFailures: number;
  failingSince: Date | null;
  consecutiveNotFound: number;
  /** The permanent-redirect target seen on the last polls and how many polls in a row. */
  redirectCandidate: string | null;
  redirectStreak: number;
  /** Publication times (epoch ms) of the feed's newest entries, newest first. */
  recentPublishedAt: number[];
  /** The schedule hints of the last document read (a 304 carries none). */
  publisherHints: FeedDocumentHints;
}

/** What a feed document says about polling it (RSS ttl, sy:*, skipHours/skipDays). */
export interface FeedDocumentHints {
  ttlMinutes?: number;
  syndicationPeriodMinutes?: number;
  skipHours?: number[];
  skipDays?: string[];
}

/** The fetch-state change one poll decided; written together with its articles and events. */
export interface FeedStateUpdate {
  fetchedAt: Date;
  succeeded: boolean;
  httpStatus: number | null;
  error: string | null;
  /** The telemetry outcome, kept on the row for the health view. */
  outcome: string;
  /** Validators are replaced only when the feed changed (some servers alter them on 304). */
  validators?: { etag: string | null; lastModified: string | null };
  nextFetchAt: Date;
  intervalSeconds: number;
  status: FeedStatus;
  health: FeedHealth;
  consecutiveFailures: number;
  failingSince: Date | null;
  consecutiveNotFound: number;
  redirectCandidate: string | null;
  redirectStreak: number;
  /** Replaces the stored publication times when the document was read. */
  recentPublishedAt?: number[];
  publisherHints?: FeedDocumentHints;
  title?: string;
  siteUrl?: string;
  language?: string;
  /** A new permanent URL, once the move is confirmed (or declared by the publisher). */
  movedTo?: string;
}
