import { decodeFeedBytes, parseFeed, type ParsedFeed } from '../parse/index.js';
import { fallbackFeedUrls } from './fallbacks.js';
import { discoverFeedLinks, type DiscoveredFeed } from './feed-links.js';

/** A fetched (or read) document: what discovery works from. */
export interface FetchedDocument {
  readonly body: Uint8Array;
  readonly contentType?: string;
  /** Where the document came from (after redirects), the base for relative links. */
  readonly url?: string;
}

/** Fetches one URL; any rejection means "not there". */
export type DocumentFetcher = (url: string) => Promise<FetchedDocument>;

export interface DiscoveryOptions {
  /** Also try the common feed locations (/feed, /rss, …) at the site root. */
  readonly probe?: boolean;
  /** Needed for `probe`. */
  readonly fetch?: DocumentFetcher;
}

export type FeedSource = 'self' | 'link' | 'probe';

export interface FoundFeed extends DiscoveredFeed {
  /** `self`: the page is a feed; `link`: the page advertises it; `probe`: a fallback that parses. */
  readonly source: FeedSource;
}

export interface DiscoveryReport {
  readonly page?: string;
  readonly feeds: FoundFeed[];
}

/**
 * The feeds of a page: the page itself when it is a feed, else the feeds it links to, plus the
 * common fallbacks that really parse as feeds when `probe` is asked for (fetched one at a time).
 */
export async function discoverFeeds(
  page: FetchedDocument,
  options: DiscoveryOptions = {},
): Promise<DiscoveryReport> {
  const self = asFeed(page);
  if (self && page.url) {
    return { page: page.url, feeds: [{ ...summarise(self, page), url: page.url, source: 'self' }] };
  }
  const html = decodeFeedBytes(page.body, page.contentType).text;
  const feeds: FoundFeed[] = discoverFeedLinks(html, page.url).map((feed) => ({
    ...feed,
    source: 'link',
  }));
  if (options.probe && page.url) {
    if (!options.fetch) throw new Error('probing for feeds needs a fetcher');
    feeds.push(...(await probeFallbacks(page.url, options.fetch, feeds)));
  }
  return page.url ? { page: page.url, feeds } : { feeds };
}

async function probeFallbacks(
  pageUrl: string,
  fetch: DocumentFetcher,
  known: readonly FoundFeed[],
): Promise<FoundFeed[]> {
  const found: FoundFeed[] = [];
  const seen = new Set(known.map((feed) => feed.url));
  for (const candidate of fallbackFeedUrls(pageUrl)) {
    if (seen.has(candidate)) continue;
    const document = await fetch(candidate).catch(() => undefined);
    const feed = document && asFeed(document);
    const url = document?.url ?? candidate;
    if (!feed || seen.has(url)) continue;
    seen.add(url);
    found.push({ ...summarise(feed, document), url, source: 'probe' });
  }
  return found;
}

function asFeed(document: FetchedDocument): ParsedFeed | undefined {
  try {
    return parseFeed(document);
  } catch {
    return undefined;
  }
}

const TYPE_OF_FORMAT = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
} as const;

function summarise(feed: ParsedFeed, document: FetchedDocument): Omit<DiscoveredFeed, 'url'> {
  const served = document.contentType?.split(';')[0]!.trim().toLowerCase();
  const type = served && served !== 'text/html' ? served : TYPE_OF_FORMAT[feed.format];
  return feed.title
    ? { type, format: feed.format, title: feed.title }
    : { type, format: feed.format };
}
