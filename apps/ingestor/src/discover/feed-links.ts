import { Parser } from 'htmlparser2';

/** What a web page says about its feeds (pure: no fetching). */

export type DiscoveredFormat = 'rss' | 'atom' | 'json';

export interface DiscoveredFeed {
  /** Absolute when the page URL or a `<base>` made it so; as written otherwise. */
  readonly url: string;
  /** The advertised media type, lower-cased without parameters. */
  readonly type: string;
  readonly format: DiscoveredFormat;
  readonly title?: string;
}

/** Feed media types a page may advertise with `<link rel="alternate">`. */
const FEED_TYPES: ReadonlyMap<string, DiscoveredFormat> = new Map<string, DiscoveredFormat>([
  ['application/rss+xml', 'rss'],
  ['application/rdf+xml', 'rss'],
  ['application/atom+xml', 'atom'],
  ['application/feed+json', 'json'],
  ['application/json', 'json'],
]);

interface RawLink {
  readonly href: string;
  readonly type: string;
  readonly format: DiscoveredFormat;
  readonly title?: string;
}

/**
 * The feeds an HTML page links to with `<link rel="alternate" type="…">`, in document order and
 * without duplicates. Relative hrefs are resolved against the page's first `<base href>` (itself
 * resolved against `pageUrl`), else against `pageUrl`. Links that resolve to anything but http(s)
 * are dropped.
 */
export function discoverFeedLinks(html: string, pageUrl?: string): DiscoveredFeed[] {
  const links: RawLink[] = [];
  let baseHref: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base' && baseHref === undefined && attributes['href'] !== undefined)
          baseHref = attributes['href'];
        else if (name === 'link') {
          const link = feedLink(attributes);
          if (link) links.push(link);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const base = documentBase(pageUrl, baseHref);
  return uniqueByUrl(links.flatMap((link) => resolved(link, base)));
}

function feedLink(attributes: Readonly<Record<string, string>>): RawLink | undefined {
  const rel = attributes['rel']?.toLowerCase().split(/\s+/) ?? [];
  const href = attributes['href']?.trim();
  if (!rel.includes('alternate') || !href) return undefined;
  const type = mediaType(attributes['type']);
  const format = FEED_TYPES.get(type);
  if (!format) return undefined;
  const title = attributes['title']?.trim();
  return title ? { href, type, format, title } : { href, type, format };
}

/** `Application/RSS+XML; charset=utf-8` → `application/rss+xml`. */
function mediaType(raw: string | undefined): string {
  return (raw ?? '').split(';')[0]!.trim().toLowerCase();
}

function documentBase(
  pageUrl: string | undefined,
  baseHref: string | undefined,
): string | undefined {
  if (baseHref === undefined) return pageUrl;
  try {
    return new URL(baseHref.trim(), pageUrl).href;
  } catch {
    return pageUrl;
  }
}

function resolved(link: RawLink, base: string | undefined): DiscoveredFeed[] {
  const { href, ...rest } = link;
  if (base === undefined) {
    // Without a base only an absolute href can be checked; a relative one is kept as written.
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^https?:/i.test(href)) return [];
    return [{ url: href, ...rest }];
  }
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? [{ url: url.href, ...rest }]
      : [];
  } catch {
    return [];
  }
}

function uniqueByUrl(feeds: readonly DiscoveredFeed[]): DiscoveredFeed[] {
  const seen = new Set<string>();
  return feeds.filter((feed) => !seen.has(feed.url) && seen.add(feed.url));
}
