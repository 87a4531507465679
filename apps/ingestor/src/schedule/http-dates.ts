// Every HTTP date form has a month name and an hh:mm:ss time; Date.parse alone reads "-5" as a year.
const LOOKS_LIKE_HTTP_DATE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*\d{1,2}:\d{2}:\d{2}|\d{1,2}:\d{2}:\d{2}.*\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** Parses an HTTP date (IMF-fixdate, RFC 850 or asctime); undefined when unparseable. */
export function parseHttpDate(value: string | undefined): number | undefined {
  if (!value || !LOOKS_LIKE_HTTP_DATE.test(value)) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * How long a `Retry-After` asks us to wait, in ms: delta-seconds or an HTTP date. A date is read
 * against the server's own `Date` header when present, so a skewed local clock does not matter.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number,
  serverDate?: string,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = parseHttpDate(text);
  if (at === undefined) return undefined;
  const reference = parseHttpDate(serverDate) ?? now;
  return Math.max(0, at - reference);
}
