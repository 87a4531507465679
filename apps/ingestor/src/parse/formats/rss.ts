import type {
  FeedEnclosure,
  FeedEntry,
  FeedImage,
  FeedScheduleHints,
  ParsedFeed,
} from '../types.js';
import { parseFeedDate } from '../dates/parse-feed-date.js';
import {
  absolutizeHtml,
  firstImageInHtml,
  parsePerson,
  positiveInteger,
  resolveUrl,
  uniqueNonEmpty,
} from '../feed-values.js';
import {
  childNamed,
  childrenNamed,
  firstValue,
  textContent,
  valueOf,
  type NsKey,
} from '../xml/xml-query.js';
import type { XmlElement } from '../xml/xml-tree.js';
import {
  atomPeople,
  compact,
  dublinCoreCreators,
  itunesCategories,
  itunesImage,
  mediaEnclosures,
  mediaImage,
} from './extensions.js';

/** RSS 0.90, 0.91–0.94, 1.0 (RDF) and 2.0, with their common extensions. */
export function readRss(root: XmlElement): ParsedFeed {
  const channel =
    root.local.toLowerCase() === 'channel' ? root : (childNamed(root, '', 'channel') ?? root);
  const items = [
    ...childrenNamed(channel, '', 'item'),
    ...(channel === root ? [] : childrenNamed(root, '', 'item')),
  ];
  const link = channelLink(channel);
  return compact({
    format: 'rss',
    version: rssVersion(root, channel),
    title: firstValue(channel, [
      ['', 'title'],
      ['dc', 'title'],
    ]),
    description: firstValue(channel, [
      ['', 'description'],
      ['itunes', 'summary'],
      ['itunes', 'subtitle'],
      ['dc', 'description'],
    ]),
    link,
    links: uniqueNonEmpty([...channelLinks(channel)]),
    feedUrl: atomLinks(channel).find((atomLink) => atomLink.rel === 'self')?.href,
    newFeedUrl: resolveUrl(firstValue(channel, [['itunes', 'new-feed-url']]), channel.base),
    language:
      firstValue(channel, [
        ['', 'language'],
        ['dc', 'language'],
      ]) ?? channel.lang,
    copyright: firstValue(channel, [
      ['', 'copyright'],
      ['dc', 'rights'],
    ]),
    generator: firstValue(channel, [['', 'generator']]),
    published: parseFeedDate(firstValue(channel, [['', 'pubDate']])),
    updated: parseFeedDate(
      firstValue(channel, [
        ['', 'lastBuildDate'],
        ['dc', 'date'],
        ['atom', 'updated'],
      ]),
    ),
    authors: channelAuthors(channel),
    categories: rssCategories(channel),
    image: channelImage(root, channel),
    schedule: scheduleHints(channel),
    entries: items.map((item) => readItem(item, link)),
  });
}

function rssVersion(root: XmlElement, channel: XmlElement): string {
  if (root.local === 'RDF' || root.local === 'rdf') {
    return /netscape\.com\/rdf\/simple\/0\.9/.test(`${channel.ns} ${root.attrs['xmlns'] ?? ''}`)
      ? '0.9'
      : '1.0';
  }
  return root.attrs['version']?.trim() ?? '';
}

function channelLink(channel: XmlElement): string | undefined {
  const plain = childrenNamed(channel, '', 'link').map(valueOf).find(Boolean);
  if (plain) return resolveUrl(plain, channel.base);
  const alternate = atomLinks(channel).find((atomLink) => atomLink.rel === 'alternate');
  return alternate?.href;
}

function channelLinks(channel: XmlElement): Array<string | undefined> {
  return [
    ...childrenNamed(channel, '', 'link').map((link) => resolveUrl(valueOf(link), link.base)),
    ...atomLinks(channel).map((atomLink) => atomLink.href),
  ];
}

interface AtomLink {
  readonly href: string;
  readonly rel: string;
  readonly type?: string;
  readonly length?: number;
}

/** An empty href is a reference to the base itself (RFC 3986), not a missing link. */
export function linkHref(link: XmlElement, fallbackBase?: string): string | undefined {
  const raw = link.attrs['href'];
  const base = link.base ?? fallbackBase;
  if (raw === undefined) return undefined;
  return raw.trim() === '' ? base : resolveUrl(raw, base);
}

/** `fallbackBase` applies when no xml:base or document URL is known (the site's home page). */
export function atomLinks(element: XmlElement, fallbackBase?: string): AtomLink[] {
  const links: AtomLink[] = [];
  for (const link of childrenNamed(element, 'atom', 'link')) {
    const href = linkHref(link, fallbackBase);
    if (!href) continue;
    links.push(
      compact({
        href,
        rel: link.attrs['rel']?.trim() || 'alternate',
        type: link.attrs['type'],
        length: positiveInteger(link.attrs['length']),
      }),
    );
  }
  return links;
}

function channelAuthors(channel: XmlElement) {
  const people = [
    ...['managingEditor', 'webMaster'].map((tag) => parsePerson(firstValue(channel, [['', tag]]))),
    ...atomPeople(channel, 'atom', 'author'),
    ...dublinCoreCreators(channel),
    parsePerson(firstValue(channel, [['itunes', 'author']])),
  ];
  return dedupePeople(people);
}

function channelImage(root: XmlElement, channel: XmlElement): FeedImage | undefined {
  // RSS 1.0 describes the image beside the channel; the channel only points at it.
  const image =
    (root !== channel ? childNamed(root, '', 'image') : undefined) ??
    childNamed(channel, '', 'image');
  const url = image && resolveUrl(firstValue(image, [['', 'url']]), image.base);
  if (image && url) return compact({ url, title: firstValue(image, [['', 'title']]) });
  const fromDescription = firstImageInHtml(
    firstValue(channel, [['', 'description']]),
    channel.base,
  );
  return (
    itunesImage(channel) ??
    mediaImage(channel) ??
    (fromDescription ? { url: fromDescription } : undefined)
  );
}

/** Plain categories, then iTunes keywords and categories, Dublin Core subjects, atom:category. */
function rssCategories(element: XmlElement): string[] {
  const keywords = childrenNamed(element, 'itunes', 'keywords').flatMap((keywordList) =>
    textContent(keywordList).split(','),
  );
  return uniqueNonEmpty([
    ...childrenNamed(element, '', 'category').map(valueOf),
    ...keywords,
    ...itunesCategories(element),
    ...childrenNamed(element, 'dc', 'subject').map(valueOf),
    ...childrenNamed(element, 'atom', 'category').map((category) => category.attrs['term']),
  ]);
}

/** An HTML field whose relative URLs are made absolute against the item's base. */
function htmlValue(
  element: XmlElement,
  base: string | undefined,
  candidates: ReadonlyArray<readonly [NsKey, string]>,
): string | undefined {
  const value = firstValue(element, candidates);
  return element.explicitBase ? absolutizeHtml(value, base) : value;
}

const SY_PERIOD_MINUTES: Readonly<Record<string, number>> = {
  hourly: 60,
  daily: 1440,
  weekly: 10080,
  monthly: 43200,
  yearly: 525600,
};

function scheduleHints(channel: XmlElement): FeedScheduleHints {
  const skipHoursElement = childNamed(channel, '', 'skipHours');
  const skipDaysElement = childNamed(channel, '', 'skipDays');
  const period =
    SY_PERIOD_MINUTES[firstValue(channel, [['sy', 'updatePeriod']])?.toLowerCase() ?? ''];
  const frequency = positiveInteger(firstValue(channel, [['sy', 'updateFrequency']])) || 1;
  return compact({
    ttlMinutes: positiveInteger(firstValue(channel, [['', 'ttl']])),
    skipHours: skipHoursElement
      ? childrenNamed(skipHoursElement, '', 'hour')
          .map((hour) => positiveInteger(textContent(hour)))
          .filter((hour): hour is number => hour !== undefined && hour <= 24)
          .map((hour) => hour % 24)
      : [],
    skipDays: skipDaysElement
      ? uniqueNonEmpty(childrenNamed(skipDaysElement, '', 'day').map(textContent)).map(capitalise)
      : [],
    syndicationPeriodMinutes: period === undefined ? undefined : Math.round(period / frequency),
  });
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function readItem(item: XmlElement, channelLinkUrl: string | undefined): FeedEntry {
  const base = item.base ?? channelLinkUrl;
  const links = itemLinks(item, base);
  const guid =
    firstValue(item, [
      ['', 'guid'],
      ['dc', 'identifier'],
    ]) ?? item.attrs['rdf:about']?.trim();
  const summary = htmlValue(item, base, [
    ['', 'description'],
    ['dc', 'description'],
    ['itunes', 'summary'],
    ['media', 'description'],
  ]);
  const content = htmlValue(item, base, [
    ['content', 'encoded'],
    ['atom', 'content'],
    ['', 'encoded'],
  ]);
  const enclosures = itemEnclosures(item, base);
  return compact({
    guid,
    title: firstValue(item, [
      ['', 'title'],
      ['dc', 'title'],
      ['media', 'title'],
    ]),
    link: links[0] ?? permalinkGuid(item, base),
    links,
    published: parseFeedDate(
      firstValue(item, [
        ['', 'pubDate'],
        ['dc', 'date'],
        ['atom', 'published'],
        ['dcterms', 'issued'],
        ['dcterms', 'created'],
      ]),
    ),
    updated: parseFeedDate(
      firstValue(item, [
        ['atom', 'updated'],
        ['dcterms', 'modified'],
        ['', 'lastBuildDate'],
        ['dc', 'date'],
      ]),
    ),
    authors: itemAuthors(item),
    categories: rssCategories(item),
    summary,
    content,
    enclosures,
    image: itemImage(item, enclosures, content ?? summary, base),
    comments: resolveUrl(firstValue(item, [['', 'comments']]), base),
    language: firstValue(item, [['dc', 'language']]) ?? item.lang,
    baseUrl: base,
  });
}

function itemLinks(item: XmlElement, base: string | undefined): string[] {
  return uniqueNonEmpty([
    ...childrenNamed(item, '', 'link').map((link) =>
      resolveUrl(valueOf(link) || link.attrs['href'], link.base ?? base),
    ),
    ...atomLinks(item)
      .filter((atomLink) => atomLink.rel === 'alternate')
      .map((atomLink) => atomLink.href),
  ]);
}

/** A `<guid>` is a permalink unless it says `isPermaLink="false"` (RSS 2.0 rule). */
function permalinkGuid(item: XmlElement, base: string | undefined): string | undefined {
  const guid = childNamed(item, '', 'guid');
  if (!guid || guid.attrs['isPermaLink']?.trim().toLowerCase() === 'false') return undefined;
  const value = valueOf(guid);
  return /^https?:\/\//i.test(value) ? resolveUrl(value, base) : undefined;
}

function itemAuthors(item: XmlElement) {
  return dedupePeople([
    ...childrenNamed(item, '', 'author').map((author) => parsePerson(valueOf(author))),
    ...atomPeople(item, 'atom', 'author'),
    ...dublinCoreCreators(item),
    parsePerson(firstValue(item, [['itunes', 'author']])),
  ]);
}

function itemEnclosures(item: XmlElement, base: string | undefined): FeedEnclosure[] {
  const enclosures: FeedEnclosure[] = [];
  for (const enclosure of childrenNamed(item, '', 'enclosure')) {
    const url = resolveUrl(
      enclosure.attrs['url'] ?? enclosure.attrs['href'],
      enclosure.base ?? base,
    );
    if (url) {
      enclosures.push(
        compact({
          url,
          type: enclosure.attrs['type']?.trim(),
          length: positiveInteger(enclosure.attrs['length']),
        }),
      );
    }
  }
  for (const atomLink of atomLinks(item)) {
    if (atomLink.rel === 'enclosure')
      enclosures.push(
        compact({ url: atomLink.href, type: atomLink.type, length: atomLink.length }),
      );
  }
  enclosures.push(...mediaEnclosures(item));
  return dedupeBy(enclosures, (enclosure) => enclosure.url);
}

function itemImage(
  item: XmlElement,
  enclosures: readonly FeedEnclosure[],
  html: string | undefined,
  base: string | undefined,
): FeedImage | undefined {
  const imageEnclosure = enclosures.find((enclosure) => enclosure.type?.startsWith('image/'));
  const fromHtml = firstImageInHtml(html, base);
  return (
    mediaImage(item) ??
    itunesImage(item) ??
    (imageEnclosure ? { url: imageEnclosure.url } : undefined) ??
    (fromHtml ? { url: fromHtml } : undefined)
  );
}

export function dedupePeople(people: ReadonlyArray<import('../types.js').FeedPerson | undefined>) {
  return dedupeBy(
    people.filter((person) => person !== undefined),
    (person) => `${person.name ?? ''}|${person.email ?? ''}`,
  );
}

function dedupeBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}
