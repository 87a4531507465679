import { createHash } from 'node:crypto';
import type { FeedEntry } from '../parse/types.js';
import { sanitizeEntryContent } from '../sanitize/index.js';
import { canonicalUrlOf, contentFingerprintOf } from './dedup-keys.js';
import type { NormalisedArticle } from './normalised-article.js';

const MAX_TITLE = 1000;
const MAX_SUMMARY = 5000;
const MAX_BODY = 1_000_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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
 * Turns a parsed entry into the stored article: sanitised HTML, plain text for the
 * classifier, and the three dedup keys. Returns null for an entry with nothing to show.
 */
export function normaliseEntry(entry: FeedEntry, feedUrl: string): NormalisedArticle | null {
  const content = sanitizeEntryContent(entry);
  const url = resolveLink(entry.link, entry.baseUrl ?? feedUrl);
  const text = content.text.slice(0, MAX_BODY);
  const title = (content.title ?? '').trim().slice(0, MAX_TITLE) || firstSentences(text, 120);
  if (!title && !text) return null;
  const summary = firstSentences(text, MAX_SUMMARY);
  const canonicalUrl = url ? canonicalUrlOf(url) : null;
  const contentHtml = (content.contentHtml ?? content.summaryHtml ?? '').slice(0, MAX_BODY);
  return {
    guid: entry.guid?.trim().slice(0, 2048) || null,
    url,
    canonicalUrl,
    canonicalUrlHash: canonicalUrl ? sha256(canonicalUrl) : null,
    contentFingerprint: contentFingerprintOf(title, text),
    contentHash: sha256(JSON.stringify([title, contentHtml, text, url])),
    title,
    summary,
    contentHtml,
    contentText: text,
    author: entry.authors.map((a) => a.name ?? a.email).find(Boolean)?.slice(0, 500) ?? null,
    categories: entry.categories.slice(0, 100).map((c) => c.slice(0, 200)),
    publishedAt: parseDate(entry.published ?? entry.updated),
  };
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
