import { FNV_OFFSET, fnvStep, mix32 } from '../text/hash.js';

export const LANGUAGE_FEATURE_CHARS = 700;
const MAX_ORDER = 4;
const WORD_SEED = 0x2f1e7a3b;

/** Lower-cased letters with single spaces between words, padded; digits and punctuation dropped. */
export function letterSkeleton(text: string, maxChars = LANGUAGE_FEATURE_CHARS): string {
  const head = text.length > maxChars ? text.slice(0, maxChars) : text;
  return ` ${head
    .toLowerCase()
    .replace(/[^\p{L}\p{M}]+/gu, ' ')
    .trim()} `;
}

/**
 * Hashed character 1..4-grams plus whole words. Returns the number of features written into `out`
 * (grown as needed), so the hot path allocates nothing per article.
 */
export function languageFeatures(skeleton: string, out: { buf: Uint32Array }): number {
  const needed = skeleton.length * (MAX_ORDER + 1) + 8;
  if (out.buf.length < needed) out.buf = new Uint32Array(needed * 2);
  const buf = out.buf;
  let n = 0;
  const len = skeleton.length;
  let wordHash = WORD_SEED;
  for (let i = 0; i < len; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < MAX_ORDER && i + k < len; k++) {
      const code = skeleton.charCodeAt(i + k);
      if (k > 0 && code === 32 && skeleton.charCodeAt(i + k - 1) === 32) break;
      h = fnvStep(h, code);
      buf[n++] = mix32(h + k);
    }
    const code = skeleton.charCodeAt(i);
    if (code === 32) {
      if (wordHash !== WORD_SEED) buf[n++] = mix32(wordHash);
      wordHash = WORD_SEED;
    } else {
      wordHash = fnvStep(wordHash, code);
    }
  }
  return n;
}
