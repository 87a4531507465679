export const MAX_FEED_URL_LENGTH = 2048;

export type FeedUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * A subscribable feed URL: http or https only (the first SSRF line; the fetcher's address guard
 * checks what the host resolves to), with a host, no fragment, in WHATWG-normalised form so the
 * same feed written two ways is one subscription.
 */
export function checkFeedUrl(raw: unknown): FeedUrlCheck {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'missing URL' };
  const text = raw.trim();
  if (text.length > MAX_FEED_URL_LENGTH)
    return { ok: false, reason: `longer than ${MAX_FEED_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'not a valid absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: `only http and https feeds are supported, not ${url.protocol}` };
  if (url.hostname === '') return { ok: false, reason: 'URL has no host' };
  url.hash = '';
  return { ok: true, url: url.href };
}
