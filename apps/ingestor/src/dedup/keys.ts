import { createHash } from 'node:crypto';
import { canonicalUrlHash, canonicalizeUrl } from './canonical-url.js';
import { type FingerprintOptions, contentFingerprint } from './fingerprint.js';

/** The parts of a parsed entry that identify it. `text` is the plain text of its content. */
export interface DedupEntryInput {
  feedId: string;
  guid?: string;
  /** The entry's link; resolved against `baseUrl` (the feed URL) when relative. */
  url?: string;
  baseUrl?: string;
  title?: string;
  /** Plain text of the content (or of the summary when there is no content). */
  text?: string;
  summary?: string;
  /** Used by contentHash only when there is no plain text. */
  contentHtml?: string;
  enclosureUrls?: readonly string[];
  /** ISO string or epoch ms; only used to identify an entry that has neither guid nor link. */
  publishedAt?: string | number;
}

export type IdentitySource = 'guid' | 'url' | 'content';

/** The three unique keys an article is stored under, plus what they were derived from. */
export interface DedupKeys {
  /** Unique per (feed, entry identity): SHA-256 hex of feed id + identity. */
  guidKey: string;
  /** The identity within the feed: the guid, else the canonical URL, else a content hash. */
  identity: string;
  identitySource: IdentitySource;
  /** Across all feeds. Undefined without an http(s) link. */
  canonicalUrl?: string;
  urlKey?: string;
  /** Across all feeds. Undefined when there is too little text (see FingerprintOptions). */
  fingerprint?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Whitespace collapsed and NFC, so re-serialised but equal text hashes equal. */
const tidy = (text: string | undefined) =>
  (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

function identityOf(
  entry: DedupEntryInput,
  canonicalUrl: string | undefined,
): { identity: string; source: IdentitySource } {
  const guid = entry.guid?.trim();
  if (guid) return { identity: guid, source: 'guid' };
  if (canonicalUrl) return { identity: canonicalUrl, source: 'url' };
  const parts = [
    tidy(entry.title),
    String(entry.publishedAt ?? ''),
    tidy(entry.text ?? entry.summary),
  ];
  return { identity: `content:${sha256(JSON.stringify(parts))}`, source: 'content' };
}

/**
 * The dedup keys of one entry: (feed, guid) for re-fetches of the same feed, the canonical URL
 * hash and the content fingerprint for the same story arriving through other feeds.
 */
export function dedupKeys(entry: DedupEntryInput, options: FingerprintOptions = {}): DedupKeys {
  const canonicalUrl = canonicalizeUrl(entry.url, entry.baseUrl);
  const { identity, source } = identityOf(entry, canonicalUrl);
  const keys: DedupKeys = {
    guidKey: sha256(`${entry.feedId}\u0000${identity}`),
    identity,
    identitySource: source,
  };
  if (canonicalUrl) {
    keys.canonicalUrl = canonicalUrl;
    keys.urlKey = canonicalUrlHash(canonicalUrl);
  }
  const fingerprint = contentFingerprint(entry.title, entry.text ?? entry.summary, options);
  if (fingerprint) keys.fingerprint = fingerprint;
  return keys;
}

/**
 * A hash of what a reader sees: title, canonical link, text, summary and enclosures. When it
 * differs from the stored one for the same guidKey, the entry changed: store a new version and
 * emit an update, not a new article. Markup-only changes (a rotating tracking pixel) do not count
 * when plain text is given; whitespace differences never count.
 */
export function contentHash(entry: DedupEntryInput): string {
  const link = canonicalizeUrl(entry.url, entry.baseUrl) ?? tidy(entry.url);
  const enclosures = (entry.enclosureUrls ?? [])
    .map((u) => canonicalizeUrl(u, entry.baseUrl) ?? tidy(u))
    .sort();
  const body = entry.text !== undefined ? tidy(entry.text) : tidy(entry.contentHtml);
  return sha256(JSON.stringify([tidy(entry.title), link, body, tidy(entry.summary), enclosures]));
}
