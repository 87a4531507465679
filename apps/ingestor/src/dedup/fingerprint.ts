import { createHash } from 'node:crypto';

/**
 * Text normalised for exact-duplicate detection: NFKC (full-width, ligatures, compatibility
 * forms), case-folded, control and format characters (soft hyphen, zero-width) removed, dashes and slashes
 * made spaces, other punctuation removed, whitespace collapsed.
 */
export function normalizeForFingerprint(text: string | undefined): string {
  if (!text) return '';
  // toUpperCase().toLowerCase() approximates Unicode full case folding (ß -> ss, ς -> σ).
  const folded = text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
  return folded
    .replace(/[\s\p{Z}]+/gu, ' ')
    .replace(/[\p{Cf}\p{Cc}]/gu, '')
    .replace(/[\p{Pd}/\\]/gu, ' ')
    .replace(/\p{P}/gu, '')
    .replace(/ +/g, ' ')
    .trim();
}

export interface FingerprintOptions {
  /**
   * Below this many normalised characters (title + text) there is no fingerprint: two feeds
   * both posting "Update" with no text are not the same article. Default 24.
   */
  minChars?: number;
}

/**
 * SHA-256 hex of the normalised title and plain text, stable across feeds and runs; undefined
 * when there is too little text to say two entries are the same.
 */
export function contentFingerprint(
  title: string | undefined,
  text: string | undefined,
  options: FingerprintOptions = {},
): string | undefined {
  const normalisedTitle = normalizeForFingerprint(title);
  const normalisedText = normalizeForFingerprint(text);
  if (normalisedTitle.length + normalisedText.length < (options.minChars ?? 24)) return undefined;
  // U+0000 cannot survive normalisation, so the title/text boundary is unambiguous.
  return createHash('sha256').update(`${normalisedTitle}\u0000${normalisedText}`).digest('hex');
}
