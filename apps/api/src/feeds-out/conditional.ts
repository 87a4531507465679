import { createHash } from 'node:crypto';

/** Strong ETag of the exact bytes sent. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Weak ETag from what determines the content (search context, newest article id and version,
 * count): lets a controller answer 304 before it renders anything.
 */
export function weakEtagOf(parts: readonly (string | number)[]): string {
  return `W/"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;
}

/** HTTP-date (RFC 9110 IMF-fixdate). */
export function httpDate(date: Date): string {
  return date.toUTCString();
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2). */
function matchesAny(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const wanted = opaque(etag);
  return (ifNoneMatch.match(/(W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}

export interface ConditionalRequest {
  method?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface Representation {
  etag: string;
  lastModified?: Date;
}

/**
 * True when the answer is 304 Not Modified. If-None-Match wins over If-Modified-Since
 * (RFC 9110 §13.1.3); an unparseable If-Modified-Since is ignored; HTTP dates have one-second
 * resolution, so the comparison truncates Last-Modified to whole seconds.
 */
export function isNotModified(
  request: ConditionalRequest,
  representation: Representation,
): boolean {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (request.ifNoneMatch !== undefined)
    return matchesAny(request.ifNoneMatch, representation.etag);
  if (request.ifModifiedSince === undefined || !representation.lastModified) return false;
  const since = Date.parse(request.ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(representation.lastModified.getTime() / 1000) * 1000 <= since;
}

/** Headers for both the 200 and the 304 (which must repeat ETag and Cache-Control). */
export function cacheHeaders(
  representation: Representation,
  maxAgeSeconds = 60,
): Record<string, string> {
  const headers: Record<string, string> = {
    ETag: representation.etag,
    'Cache-Control': `public, max-age=${maxAgeSeconds}`,
  };
  if (representation.lastModified) headers['Last-Modified'] = httpDate(representation.lastModified);
  return headers;
}
