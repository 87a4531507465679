import { contentHash, dedupKeys } from '../dedup/keys.js';
import type { FeedEntry } from '../parse/types.js';
import { sanitizeEntryContent } from '../sanitize/index.js';
import type { NormalisedArticle } from './normalised-article.js';

const MAX_TITLE = 1000;
const MAX_SUMMARY = 5000;
const MAX_BODY = 1_000_000;

function resolveLink(link: string | undefined, base: string | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function firstSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = cut.lastIndexOf(' ');
  return `${cut.slice(0, end > max / 2 ? end : max)}…`;
}

/**
 * Turns a parsed entry into the stored article: sanitised HTML, plain text for the classifier,
 * and the dedup keys of dedup/. Returns null for an entry with nothing to show.
 */
export function normaliseEntry(
  entry: FeedEntry,
  feedUrl: string,
  feedId: string,
): NormalisedArticle | null {
  const content = sanitizeEntryContent(entry);
  const url = resolveLink(entry.link, entry.baseUrl ?? feedUrl);
  const text = content.text.slice(0, MAX_BODY);
  const title = (content.title ?? '').trim().slice(0, MAX_TITLE) || firstSentences(text, 120);
  if (!title && !text) return null;
  const summary = firstSentences(text, MAX_SUMMARY);
  const contentHtml = (content.contentHtml ?? content.summaryHtml ?? '').slice(0, MAX_BODY);
  const publishedAt = parseDate(entry.published ?? entry.updated);
  const guid = entry.guid?.trim().slice(0, 2048) || null;
  const input = {
    feedId,
    guid: guid ?? undefined,
    url: url ?? undefined,
    title,
    text,
    summary,
    contentHtml,
    enclosureUrls: entry.enclosures.map((enclosure) => enclosure.url),
    publishedAt: publishedAt?.getTime(),
  };
  const keys = dedupKeys(input);
  return {
    guid,
    url,
    canonicalUrl: keys.canonicalUrl ?? null,
    canonicalUrlHash: keys.urlKey ?? null,
    // Too little text to match across feeds: a key only this entry of this feed can have.
    contentFingerprint: keys.fingerprint ?? `entry:${keys.guidKey}`,
    contentHash: contentHash(input),
    title,
    summary,
    contentHtml,
    contentText: text,
    author:
      entry.authors
        .map((a) => a.name ?? a.email)
        .find(Boolean)
        ?.slice(0, 500) ?? null,
    categories: entry.categories.slice(0, 100).map((c) => c.slice(0, 200)),
    publishedAt,
  };
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
