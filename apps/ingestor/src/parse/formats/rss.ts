import type {
  FeedEnclosure,
  FeedEntry,
  FeedImage,
  FeedPerson,
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
import { childNamed, childrenNamed, firstValue, textContent, valueOf } from '../xml/xml-query.js';
import type { XmlElement } from '../xml/xml-tree.js';
import {
  type Candidates,
  CHANNEL_TITLE,
  CHANNEL_DESCRIPTION,
  NEW_FEED_URL,
  CHANNEL_LANGUAGE,
  CHANNEL_COPYRIGHT,
  CHANNEL_GENERATOR,
  CHANNEL_PUBLISHED,
  CHANNEL_UPDATED,
  MANAGING_EDITOR,
  WEB_MASTER,
  ITUNES_AUTHOR,
  SY_PERIOD,
  SY_FREQUENCY,
  TTL,
  IMAGE_URL,
  IMAGE_TITLE,
  PLAIN_DESCRIPTION,
  ITEM_GUID,
  ITEM_TITLE,
  ITEM_SUMMARY,
  ITEM_CONTENT,
  ITEM_PUBLISHED,
  ITEM_UPDATED,
  ITEM_COMMENTS,
  ITEM_LANGUAGE,
} from './rss-fields.js';
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
  const items =
    channel === root
      ? childrenNamed(channel, '', 'item')
      : childrenNamed(channel, '', 'item').concat(childrenNamed(root, '', 'item'));
  const link = channelLink(channel);
  return compact({
    format: 'rss',
    version: rssVersion(root, channel),
    title: firstValue(channel, CHANNEL_TITLE),
    description: firstValue(channel, CHANNEL_DESCRIPTION),
    link,
    links: uniqueNonEmpty([...channelLinks(channel)]),
    feedUrl: atomLinks(channel).find((atomLink) => atomLink.rel === 'self')?.href,
    newFeedUrl: resolveUrl(firstValue(channel, NEW_FEED_URL), channel.base),
    language: firstValue(channel, CHANNEL_LANGUAGE) ?? channel.lang,
    copyright: firstValue(channel, CHANNEL_COPYRIGHT),
    generator: firstValue(channel, CHANNEL_GENERATOR),
    published: parseFeedDate(firstValue(channel, CHANNEL_PUBLISHED)),
    updated: parseFeedDate(firstValue(channel, CHANNEL_UPDATED)),
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
    parsePerson(firstValue(channel, MANAGING_EDITOR)),
    parsePerson(firstValue(channel, WEB_MASTER)),
    ...atomPeople(channel, 'atom', 'author'),
    ...dublinCoreCreators(channel),
    parsePerson(firstValue(channel, ITUNES_AUTHOR)),
  ];
  return dedupePeople(people);
}

function channelImage(root: XmlElement, channel: XmlElement): FeedImage | undefined {
  // RSS 1.0 describes the image beside the channel; the channel only points at it.
  const image =
    (root !== channel ? childNamed(root, '', 'image') : undefined) ??
    childNamed(channel, '', 'image');
  const url = image && resolveUrl(firstValue(image, IMAGE_URL), image.base);
  if (image && url) return compact({ url, title: firstValue(image, IMAGE_TITLE) });
  const fromDescription = firstImageInHtml(firstValue(channel, PLAIN_DESCRIPTION), channel.base);
  return (
    itunesImage(channel) ??
    mediaImage(channel) ??
    (fromDescription ? { url: fromDescription } : undefined)
  );
}

/** Plain categories, then iTunes keywords and categories, Dublin Core subjects, atom:category. */
function rssCategories(element: XmlElement): string[] {
  const names: string[] = [];
  for (const category of childrenNamed(element, '', 'category')) names.push(valueOf(category));
  for (const keywordList of childrenNamed(element, 'itunes', 'keywords'))
    names.push(...textContent(keywordList).split(','));
  itunesCategories(element, names);
  for (const subject of childrenNamed(element, 'dc', 'subject')) names.push(valueOf(subject));
  for (const category of childrenNamed(element, 'atom', 'category')) {
    const term = category.attrs['term'];
    if (term !== undefined) names.push(term);
  }
  return uniqueNonEmpty(names);
}

/** An HTML field whose relative URLs are made absolute against the item's base. */
function htmlValue(
  element: XmlElement,
  base: string | undefined,
  candidates: Candidates,
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
  const period = SY_PERIOD_MINUTES[firstValue(channel, SY_PERIOD)?.toLowerCase() ?? ''];
  const frequency = positiveInteger(firstValue(channel, SY_FREQUENCY)) || 1;
  return compact({
    ttlMinutes: positiveInteger(firstValue(channel, TTL)),
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
  const itemAtomLinks = atomLinks(item);
  const links = itemLinks(item, base, itemAtomLinks);
  const guid = firstValue(item, ITEM_GUID) ?? item.attrs['rdf:about']?.trim();
  const summary = htmlValue(item, base, ITEM_SUMMARY);
  const content = htmlValue(item, base, ITEM_CONTENT);
  const media = mediaEnclosures(item);
  const enclosures = itemEnclosures(item, base, itemAtomLinks, media);
  return compact({
    guid,
    title: firstValue(item, ITEM_TITLE),
    link: links[0] ?? permalinkGuid(item, base),
    links,
    published: parseFeedDate(firstValue(item, ITEM_PUBLISHED)),
    updated: parseFeedDate(firstValue(item, ITEM_UPDATED)),
    authors: itemAuthors(item),
    categories: rssCategories(item),
    summary,
    content,
    enclosures,
    image: itemImage(item, enclosures, content ?? summary, base, media),
    comments: resolveUrl(firstValue(item, ITEM_COMMENTS), base),
    language: firstValue(item, ITEM_LANGUAGE) ?? item.lang,
    baseUrl: base,
  });
}

function itemLinks(
  item: XmlElement,
  base: string | undefined,
  itemAtomLinks: readonly AtomLink[],
): string[] {
  const links: Array<string | undefined> = [];
  for (const link of childrenNamed(item, '', 'link'))
    links.push(resolveUrl(valueOf(link) || link.attrs['href'], link.base ?? base));
  for (const atomLink of itemAtomLinks) if (atomLink.rel === 'alternate') links.push(atomLink.href);
  return uniqueNonEmpty(links);
}

/** A `<guid>` is a permalink unless it says `isPermaLink="false"` (RSS 2.0 rule). */
function permalinkGuid(item: XmlElement, base: string | undefined): string | undefined {
  const guid = childNamed(item, '', 'guid');
  if (!guid || guid.attrs['isPermaLink']?.trim().toLowerCase() === 'false') return undefined;
  const value = valueOf(guid);
  return /^https?:\/\//i.test(value) ? resolveUrl(value, base) : undefined;
}

function itemAuthors(item: XmlElement) {
  const people: Array<FeedPerson | undefined> = [];
  for (const author of childrenNamed(item, '', 'author')) people.push(parsePerson(valueOf(author)));
  people.push(...atomPeople(item, 'atom', 'author'), ...dublinCoreCreators(item));
  people.push(parsePerson(firstValue(item, ITUNES_AUTHOR)));
  return dedupePeople(people);
}

function itemEnclosures(
  item: XmlElement,
  base: string | undefined,
  itemAtomLinks: readonly AtomLink[],
  media: readonly FeedEnclosure[],
): FeedEnclosure[] {
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
  for (const atomLink of itemAtomLinks) {
    if (atomLink.rel === 'enclosure')
      enclosures.push(
        compact({ url: atomLink.href, type: atomLink.type, length: atomLink.length }),
      );
  }
  enclosures.push(...media);
  return dedupeBy(enclosures, (enclosure) => enclosure.url);
}

function itemImage(
  item: XmlElement,
  enclosures: readonly FeedEnclosure[],
  html: string | undefined,
  base: string | undefined,
  media: readonly FeedEnclosure[],
): FeedImage | undefined {
  const declared = mediaImage(item, media) ?? itunesImage(item);
  if (declared) return declared;
  const imageEnclosure = enclosures.find((enclosure) => enclosure.type?.startsWith('image/'));
  if (imageEnclosure) return { url: imageEnclosure.url };
  const fromHtml = firstImageInHtml(html, base);
  return fromHtml ? { url: fromHtml } : undefined;
}

/** First person per name and email; lists are short, so compared pairwise. */
export function dedupePeople(people: ReadonlyArray<FeedPerson | undefined>): FeedPerson[] {
  const unique: FeedPerson[] = [];
  for (const person of people) {
    if (person === undefined) continue;
    const name = person.name ?? '';
    const email = person.email ?? '';
    if (!unique.some((kept) => (kept.name ?? '') === name && (kept.email ?? '') === email))
      unique.push(person);
  }
  return unique;
}

/** First value per key, in order; most lists here have zero or one value. */
function dedupeBy<T>(values: T[], key: (value: T) => string): T[] {
  if (values.length < 2) return values;
  const seen = new Map<string, T>();
  for (const value of values) {
    const valueKey = key(value);
    if (!seen.has(valueKey)) seen.set(valueKey, value);
  }
  return [...seen.values()];
}
