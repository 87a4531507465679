/** The normalised shape every feed format (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) maps to. */

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedPerson {
  readonly name?: string;
  readonly email?: string;
  readonly uri?: string;
}

export interface FeedImage {
  readonly url: string;
  readonly title?: string;
}

export interface FeedEnclosure {
  readonly url: string;
  readonly type?: string;
  /** Size in bytes when the feed states it. */
  readonly length?: number;
  /** Media RSS `medium` (image, video, audio…), when given. */
  readonly medium?: string;
}

export interface FeedEntry {
  readonly guid?: string;
  /** As published: may contain escaped markup (Atom `type="html"`); see `plainTitle`. */
  readonly title?: string;
  readonly link?: string;
  readonly links: readonly string[];
  /** ISO 8601 instants; absent when the feed gave no date or one that could not be read. */
  readonly published?: string;
  readonly updated?: string;
  readonly authors: readonly FeedPerson[];
  readonly categories: readonly string[];
  /** Raw (unsanitised) HTML of the short description / summary. */
  readonly summary?: string;
  /** Raw (unsanitised) HTML of the full content (content:encoded, atom:content, content_html). */
  readonly content?: string;
  readonly enclosures: readonly FeedEnclosure[];
  readonly image?: FeedImage;
  readonly comments?: string;
  readonly language?: string;
  /** Base URL in scope for the entry's relative links and content (xml:base or the feed URL). */
  readonly baseUrl?: string;
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  /** e.g. `2.0`, `1.0` (RDF or Atom), `0.91`, `0.3`, `1.1` (JSON Feed). */
  readonly version: string;
  readonly title?: string;
  readonly description?: string;
  /** The site's home page. */
  readonly link?: string;
  readonly links: readonly string[];
  /** The feed's own URL as it states it (atom:link rel=self, JSON `feed_url`). */
  readonly feedUrl?: string;
  /** `itunes:new-feed-url`: the publisher says the feed moved. */
  readonly newFeedUrl?: string;
  readonly language?: string;
  readonly copyright?: string;
  readonly generator?: string;
  readonly published?: string;
  readonly updated?: string;
  readonly authors: readonly FeedPerson[];
  readonly categories: readonly string[];
  readonly image?: FeedImage;
  readonly schedule: FeedScheduleHints;
  readonly entries: readonly FeedEntry[];
}

/** What the feed says about how often to poll it (used by the scheduler, not enforced here). */
export interface FeedScheduleHints {
  /** RSS `<ttl>` in minutes. */
  readonly ttlMinutes?: number;
  /** RSS `<skipHours>`: hours 0–23 (GMT) in which not to poll. */
  readonly skipHours: readonly number[];
  /** RSS `<skipDays>`: English day names, capitalised (`Saturday`). */
  readonly skipDays: readonly string[];
  /** `sy:updatePeriod` × `sy:updateFrequency` expressed in minutes. */
  readonly syndicationPeriodMinutes?: number;
}

export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}
