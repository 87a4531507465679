import type { FeedPerson } from './types.js';

/** Small value normalisers shared by the format readers. */

export function resolveUrl(raw: string | undefined, base: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  // Absolute URLs are kept exactly as published (no normalising of a trailing slash or case).
  if (!base || value.startsWith('https://') || value.startsWith('http://') || ABSOLUTE.test(value))
    return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

const URL_ATTRIBUTE = /(\s(?:href|src|poster|cite)\s*=\s*)(["'])(.*?)\2/gi;

/** Makes relative `href`/`src` URLs inside HTML absolute, so the HTML stands on its own. */
export function absolutizeHtml(
  html: string | undefined,
  base: string | undefined,
): string | undefined {
  if (!html || !base || !/\s(?:href|src|poster|cite)\s*=/i.test(html)) return html;
  return html.replace(
    URL_ATTRIBUTE,
    (whole, prefix: string, quote: string, url: string) =>
      `${prefix}${quote}${resolveUrl(url, base) ?? url}${quote}`,
  );
}

/** Trimmed, non-empty, first occurrence kept. Lists are short, so no Set until they are not. */
export function uniqueNonEmpty(values: ReadonlyArray<string | undefined>): string[] {
  const unique: string[] = [];
  let seen: Set<string> | undefined;
  for (const value of values) {
    const trimmed = value?.trim();
    if (!trimmed) continue;
    if (seen) {
      if (seen.has(trimmed)) continue;
      seen.add(trimmed);
    } else if (unique.includes(trimmed)) continue;
    else if (unique.length === 16) seen = new Set(unique).add(trimmed);
    unique.push(trimmed);
  }
  return unique;
}

const EMAIL = /[^\s()<>"]+@[^\s()<>"]+\.[^\s()<>"]+/;

/**
 * RSS author fields mix names and addresses: `jo@example.org (Jo Bloggs)`, `Jo Bloggs
 * <jo@example.org>`, `Jo Bloggs`, `jo@example.org`.
 */
export function parsePerson(raw: string | undefined): FeedPerson | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const email = EMAIL.exec(text)?.[0];
  if (!email) return { name: text };
  const name = text
    .replace(email, '')
    .replace(/[()<>]/g, ' ')
    .replace(/^mailto:/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name
    ? { name, email: email.replace(/^mailto:/i, '') }
    : { email: email.replace(/^mailto:/i, '') };
}

export function positiveInteger(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const value = Number.parseInt(raw.trim(), 10);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function firstImageInHtml(
  html: string | undefined,
  base: string | undefined,
): string | undefined {
  if (!html || !html.includes('<img')) return undefined;
  const match = /<img\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(html);
  return match ? resolveUrl(match[1], base) : undefined;
}
