import type { FeedEnclosure, FeedEntry, FeedPerson, ParsedFeed } from '../types.js';
import { FeedParseError } from '../types.js';
import { parseFeedDate } from '../dates/parse-feed-date.js';
import { resolveUrl, uniqueNonEmpty } from '../feed-values.js';
import { compact } from './extensions.js';

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Unknown or wrong-typed fields are ignored. */

type Json = Record<string, unknown>;

export function readJsonFeed(text: string, baseUrl?: string): ParsedFeed {
  const feed = parseObject(text);
  const base = str(feed['feed_url']) ?? baseUrl;
  const link = resolveUrl(str(feed['home_page_url']), base);
  const feedLanguage = str(feed['language']);
  return compact({
    format: 'json',
    version: versionOf(str(feed['version'])),
    title: str(feed['title']),
    description: str(feed['description']),
    link,
    links: uniqueNonEmpty([link]),
    feedUrl: resolveUrl(str(feed['feed_url']), baseUrl),
    language: feedLanguage,
    authors: people(feed),
    categories: [],
    image: imageOf(str(feed['icon']) ?? str(feed['favicon']), base),
    schedule: { skipHours: [], skipDays: [] },
    entries: objects(feed['items']).map((item) => readItem(item, base, feedLanguage)),
  });
}

function parseObject(text: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(`invalid JSON Feed: ${(error as Error).message}`);
  }
  if (!isObject(value) || !('items' in value || 'version' in value)) {
    throw new FeedParseError('JSON document is not a JSON Feed');
  }
  return value;
}

function versionOf(url: string | undefined): string {
  return /(?:version\/|^)(\d+(?:\.\d+)?)/.exec(url ?? '')?.[1] ?? '';
}

function readItem(
  item: Json,
  base: string | undefined,
  feedLanguage: string | undefined,
): FeedEntry {
  const url = resolveUrl(str(item['url']), base);
  const external = resolveUrl(str(item['external_url']), base);
  const html = str(item['content_html']);
  const text = str(item['content_text']);
  const attachments = objects(item['attachments']).flatMap((attachment) =>
    enclosure(attachment, base),
  );
  const image = imageOf(str(item['image']) ?? str(item['banner_image']), base);
  return compact({
    guid: str(item['id']) ?? (typeof item['id'] === 'number' ? String(item['id']) : undefined),
    title: str(item['title']),
    link: url ?? external,
    links: uniqueNonEmpty([url, external]),
    published: parseFeedDate(str(item['date_published'])),
    updated: parseFeedDate(str(item['date_modified'])),
    authors: people(item),
    categories: uniqueNonEmpty(Array.isArray(item['tags']) ? item['tags'].map(str) : []),
    summary: str(item['summary']),
    content: html ?? (text === undefined ? undefined : escapeHtml(text)),
    enclosures: attachments,
    image,
    language: str(item['language']) ?? feedLanguage,
    baseUrl: url ?? base,
  });
}

function enclosure(attachment: Json, base: string | undefined): FeedEnclosure[] {
  const url = resolveUrl(str(attachment['url']), base);
  if (!url) return [];
  const size = attachment['size_in_bytes'];
  return [
    compact({
      url,
      type: str(attachment['mime_type']),
      length: typeof size === 'number' && size >= 0 ? size : undefined,
    }),
  ];
}

/** 1.1 `authors` array, else the deprecated 1.0 `author` object. */
function people(owner: Json): FeedPerson[] {
  const list = Array.isArray(owner['authors'])
    ? objects(owner['authors'])
    : objects([owner['author']]);
  return list
    .map((person) => compact({ name: str(person['name']), uri: str(person['url']) }))
    .filter((person) => person.name || person.uri);
}

function imageOf(url: string | undefined, base: string | undefined) {
  const resolved = resolveUrl(url, base);
  return resolved ? { url: resolved } : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
