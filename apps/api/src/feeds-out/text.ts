/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF) and
 * the ones it discourages (DEL, C1 controls). One of them makes the whole feed unparseable.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Safe in element content and in attribute values alike. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

/** `<name a="v">text</name>`, or nothing when text is undefined. */
export function element(
  name: string,
  text: string | undefined,
  attributes: Record<string, string | undefined> = {},
): string {
  if (text === undefined) return '';
  return `<${name}${attrs(attributes)}>${escapeXml(text)}</${name}>`;
}

export function attrs(attributes: Record<string, string | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}

export function toDate(value: Date | string, field: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new TypeError(`${field} is not a valid date: ${String(value)}`);
  return date;
}

/** RFC 822 (as updated by RFC 1123, four-digit year), as RSS 2.0 requires. */
export function rfc822(value: Date | string, field = 'date'): string {
  return toDate(value, field).toUTCString();
}

/** RFC 3339 in UTC, without milliseconds when they are zero. */
export function rfc3339(value: Date | string, field = 'date'): string {
  return toDate(value, field).toISOString().replace('.000Z', 'Z');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A permanent, unique IRI for an article (atom:id, RSS guid, JSON Feed id): `urn:uuid:` for
 * UUIDs, otherwise a tag URI (RFC 4151) under the site's host, so it never changes with the URL.
 */
export function articleUri(id: string, siteUrl: string): string {
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  return `tag:${new URL(siteUrl).hostname},2025:article:${encodeURIComponent(id)}`;
}

export function newestDate(dates: (Date | string | undefined)[]): Date | undefined {
  const times = dates.filter((d) => d !== undefined).map((d) => toDate(d, 'date').getTime());
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}
