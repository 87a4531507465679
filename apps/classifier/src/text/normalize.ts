/** Hard cap on characters any analysis reads: keeps 5 MB inputs as fast as normal articles. */
export const MAX_ANALYSED_CHARS = 20_000;

// Control characters, lone surrogates and U+FFFD (decoding garbage) carry no language signal.
const JUNK =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function toSafeString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * NFC, junk removed, whitespace collapsed (to one newline where it held a line break: the
 * ingestor keeps paragraphs as lines, and a line starts a sentence even without a full stop),
 * at most `max` characters. Never throws.
 */
export function cleanText(value: unknown, max: number = MAX_ANALYSED_CHARS): string {
  const raw = toSafeString(value);
  const head = raw.length > max * 2 ? raw.slice(0, max * 2) : raw;
  let text = head.replace(JUNK, ' ');
  try {
    text = text.normalize('NFC');
  } catch {
    // normalize cannot fail on well-formed strings; keep the raw text if a runtime disagrees
  }
  text = text
    .replace(/\s*[\n\r\u2028\u2029]\s*/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
  return text.length > max ? text.slice(0, max) : text;
}

export function countLetters(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) n++;
  return n;
}
