import type { FeedEntry, FeedPerson, ParsedFeed } from '../types.js';

/**
 * Maps gofeed's expected output (its universal `Feed`, or its format-specific RSS and Atom
 * structs) onto this project's model: the expectation is the meaning, not the shape. Fields
 * this project does not model (textInput, cloud, rating, docs, contributors, extensions…) are
 * not compared; each comparison is a [label, expected, actual] triple.
 */

export type Comparison = readonly [label: string, expected: unknown, actual: unknown];
type Json = Record<string, unknown>;
type Mapper = (expected: unknown, feed: ParsedFeed) => unknown[];

const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const instant = (value: unknown): string | undefined =>
  typeof value === 'string' ? new Date(value).toISOString() : undefined;
const people = (value: unknown): FeedPerson[] =>
  asArray(value).map((person) => {
    const out: Record<string, string> = {};
    for (const key of ['name', 'email', 'uri'] as const)
      if (person[key]) out[key] = String(person[key]);
    if (person['url'] && !out['uri']) out['uri'] = String(person['url']); // JSON Feed's name for it
    return out;
  });
const lengthOf = (value: unknown) =>
  value === undefined || value === '' ? undefined : Number(value);
const enclosures = (value: unknown) =>
  asArray(value).map((enclosure) => ({
    url: enclosure['url'],
    type: enclosure['type'],
    length: lengthOf(enclosure['length']),
  }));
const ourEnclosures = (entry: FeedEntry | undefined) =>
  (entry?.enclosures ?? []).map((enclosure) => ({
    url: enclosure.url,
    type: enclosure.type,
    length: enclosure.length,
  }));
const ourPeople = (list: readonly FeedPerson[] | undefined) =>
  (list ?? []).map((person) => {
    const out: Record<string, string> = {};
    for (const key of ['name', 'email', 'uri'] as const) if (person[key]) out[key] = person[key];
    return out;
  });

const UNIVERSAL_FEED: Record<string, (feed: ParsedFeed) => unknown> = {
  title: (feed) => feed.title,
  description: (feed) => feed.description,
  link: (feed) => feed.link,
  feedLink: (feed) => feed.feedUrl,
  language: (feed) => feed.language,
  copyright: (feed) => feed.copyright,
  generator: (feed) => feed.generator,
  categories: (feed) => feed.categories,
  authors: (feed) => ourPeople(feed.authors),
  image: (feed) => feed.image,
  updatedParsed: (feed) => feed.updated,
  publishedParsed: (feed) => feed.published,
  feedType: (feed) => feed.format,
};

const UNIVERSAL_ITEM: Record<string, (entry: FeedEntry | undefined) => unknown> = {
  title: (entry) => entry?.title,
  description: (entry) => entry?.summary,
  content: (entry) => entry?.content,
  link: (entry) => entry?.link,
  links: (entry) => entry?.links,
  guid: (entry) => entry?.guid,
  authors: (entry) => ourPeople(entry?.authors),
  categories: (entry) => entry?.categories,
  enclosures: (entry) => ourEnclosures(entry),
  image: (entry) => (entry?.image ? { url: entry.image.url } : undefined),
  updatedParsed: (entry) => entry?.updated,
  publishedParsed: (entry) => entry?.published,
};

const EXPECTED_TRANSFORMS: Record<string, (value: unknown) => unknown> = {
  updatedParsed: instant,
  publishedParsed: instant,
  authors: people,
  enclosures: enclosures,
  image: (value) => (value && typeof value === 'object' ? stripEmpty(value as Json) : value),
};

export function universalComparisons(expected: Json, feed: ParsedFeed): Comparison[] {
  const out: Comparison[] = [];
  for (const [key, read] of Object.entries(UNIVERSAL_FEED)) {
    if (!(key in expected)) continue;
    out.push([key, transform(key, expected[key]), read(feed)]);
  }
  if ('feedVersion' in expected) out.push(['feedVersion', expected['feedVersion'], feed.version]);
  if ('items' in expected)
    out.push(['items.length', asArray(expected['items']).length, feed.entries.length]);
  asArray(expected['items']).forEach((item, index) => {
    const isImageOnly = (key: string) =>
      key === 'image' && item['image'] && typeof item['image'] === 'object';
    for (const [key, read] of Object.entries(UNIVERSAL_ITEM)) {
      if (!(key in item)) continue;
      const expectedValue = isImageOnly(key)
        ? { url: (item['image'] as Json)['url'] }
        : transform(key, item[key]);
      out.push([`items[${index}].${key}`, expectedValue, read(feed.entries[index])]);
    }
  });
  return out;
}

const RSS_FEED: Record<string, [read: (feed: ParsedFeed) => unknown, expect?: Mapper]> = {
  title: [(feed) => feed.title],
  link: [(feed) => feed.link],
  description: [(feed) => feed.description],
  language: [(feed) => feed.language],
  copyright: [(feed) => feed.copyright],
  generator: [(feed) => feed.generator],
  pubDateParsed: [(feed) => feed.published, (value) => [instant(value)]],
  lastBuildDateParsed: [(feed) => feed.updated, (value) => [instant(value)]],
  categories: [
    (feed) => feed.categories,
    (value) => [asArray(value).map((category) => category['value'])],
  ],
  image: [(feed) => feed.image?.url, (value) => [(value as Json)['url']]],
  skipHours: [(feed) => feed.schedule.skipHours, (value) => [asArray(value).map(Number)]],
  skipDays: [(feed) => feed.schedule.skipDays],
  ttl: [(feed) => feed.schedule.ttlMinutes, (value) => [Number(value)]],
};

const RSS_ITEM: Record<
  string,
  [read: (entry: FeedEntry | undefined) => unknown, expect?: (value: unknown) => unknown]
> = {
  title: [(entry) => entry?.title],
  link: [(entry) => entry?.link],
  links: [(entry) => entry?.links],
  description: [(entry) => entry?.summary],
  content: [(entry) => entry?.content],
  comments: [(entry) => entry?.comments],
  guid: [(entry) => entry?.guid, (value) => (value as Json)['value']],
  pubDateParsed: [(entry) => entry?.published, instant],
  categories: [
    (entry) => entry?.categories,
    (value) => asArray(value).map((category) => category['value']),
  ],
  enclosures: [ourEnclosures, enclosures],
};

export function rssComparisons(expected: Json, feed: ParsedFeed): Comparison[] {
  const out: Comparison[] = [['version', expected['version'], feed.version]];
  for (const [key, [read, expect]] of Object.entries(RSS_FEED)) {
    if (!(key in expected)) continue;
    out.push([key, expect ? expect(expected[key], feed)[0] : expected[key], read(feed)]);
  }
  itemComparisons(asArray(expected['items']), feed, RSS_ITEM, out);
  return out;
}

const ATOM_FEED: Record<
  string,
  [read: (feed: ParsedFeed) => unknown, expect?: (value: unknown) => unknown]
> = {
  title: [(feed) => feed.title],
  subtitle: [(feed) => feed.description],
  rights: [(feed) => feed.copyright],
  generator: [(feed) => feed.generator, generatorText],
  language: [(feed) => feed.language],
  authors: [(feed) => ourPeople(feed.authors), people],
  updatedParsed: [(feed) => feed.updated, instant],
  categories: [
    (feed) => feed.categories,
    (value) => asArray(value).flatMap((c) => c['label'] ?? c['term'] ?? []),
  ],
  links: [(feed) => feed.links, (value) => hrefs(value)],
};

const ATOM_ENTRY: Record<
  string,
  [read: (entry: FeedEntry | undefined) => unknown, expect?: (value: unknown) => unknown]
> = {
  title: [(entry) => entry?.title],
  summary: [(entry) => entry?.summary],
  content: [(entry) => entry?.content, (value) => (value as Json)['value']],
  id: [(entry) => entry?.guid],
  authors: [(entry) => ourPeople(entry?.authors), people],
  publishedParsed: [(entry) => entry?.published, instant],
  updatedParsed: [(entry) => entry?.updated, instant],
  categories: [
    (entry) => entry?.categories,
    (value) => asArray(value).flatMap((c) => c['label'] ?? c['term'] ?? []),
  ],
  links: [(entry) => entry?.links, (value) => hrefs(value, (link) => link['rel'] !== 'enclosure')],
};

export function atomComparisons(expected: Json, feed: ParsedFeed): Comparison[] {
  const out: Comparison[] = [['version', expected['version'], feed.version]];
  for (const [key, [read, expect]] of Object.entries(ATOM_FEED)) {
    if (!(key in expected)) continue;
    out.push([key, expect ? expect(expected[key]) : expected[key], read(feed)]);
  }
  itemComparisons(asArray(expected['entries']), feed, ATOM_ENTRY, out);
  return out;
}

function itemComparisons(
  items: Json[],
  feed: ParsedFeed,
  table: Record<
    string,
    [read: (entry: FeedEntry | undefined) => unknown, expect?: (value: unknown) => unknown]
  >,
  out: Comparison[],
): void {
  out.push(['entries.length', items.length, feed.entries.length]);
  items.forEach((item, index) => {
    for (const [key, [read, expect]] of Object.entries(table)) {
      if (!(key in item)) continue;
      out.push([
        `entries[${index}].${key}`,
        expect ? expect(item[key]) : item[key],
        read(feed.entries[index]),
      ]);
    }
  });
}

function generatorText(value: unknown): string {
  const { value: name, version, uri } = value as Json;
  return [name, version ? `v${String(version)}` : '', uri].filter(Boolean).join(' ');
}

function hrefs(value: unknown, keep: (link: Json) => boolean = () => true): string[] {
  return [
    ...new Set(
      asArray(value)
        .filter(keep)
        .map((link) => link['href'])
        .filter((href): href is string => typeof href === 'string' && href !== ''),
    ),
  ];
}

function transform(key: string, value: unknown): unknown {
  const fn = EXPECTED_TRANSFORMS[key];
  return fn ? fn(value) : value;
}

function stripEmpty(value: Json): Json {
  const out: Json = {};
  for (const [key, item] of Object.entries(value))
    if (item !== undefined && item !== '') out[key] = item;
  return out;
}
