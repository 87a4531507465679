/** Where sites commonly serve a feed without advertising it, tried only on request. */
export const FALLBACK_PATHS: readonly string[] = [
  '/feed',
  '/rss',
  '/atom.xml',
  '/feed.xml',
  '/index.xml',
];

/** The fallback feed URLs at the root of the page's site (empty when the URL is not http(s)). */
export function fallbackFeedUrls(pageUrl: string): string[] {
  let origin: URL;
  try {
    origin = new URL(pageUrl);
  } catch {
    return [];
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return [];
  return FALLBACK_PATHS.map((path) => new URL(path, origin).href);
}
