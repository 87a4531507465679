import { FNV_OFFSET, fnvStep, mix32 } from '../text/hash.js';

export const FINGERPRINT_CHARS = 20_000;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * Hashed shingles of a text: word bigrams for spaced scripts, character trigrams for CJK/Thai
 * (which have no word separators). Case, punctuation and digits' formatting are ignored.
 */
export function shingleHashes(text: string, maxChars = FINGERPRINT_CHARS): Uint32Array {
  const head = text.length > maxChars ? text.slice(0, maxChars) : text;
  const lower = head.toLowerCase();
  const words = lower.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (UNSPACED.test(lower) && countUnspaced(lower) > lower.length / 3)
    return charShingles(words.join(''));
  if (words.length === 1) return Uint32Array.of(wordHash(words[0] ?? ''));
  const out = new Uint32Array(Math.max(0, words.length - 1));
  let prev = words.length ? wordHash(words[0] ?? '') : 0;
  for (let i = 1; i < words.length; i++) {
    const h = wordHash(words[i]);
    out[i - 1] = mix32(Math.imul(prev, 0x9e3779b1) ^ h);
    prev = h;
  }
  return out;
}

function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = fnvStep(h, word.charCodeAt(i));
  return mix32(h);
}

function charShingles(s: string): Uint32Array {
  if (s.length < 3) return s ? Uint32Array.of(wordHash(s)) : new Uint32Array(0);
  const out = new Uint32Array(s.length - 2);
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < 3; k++) h = fnvStep(h, s.charCodeAt(i + k));
    out[i] = mix32(h);
  }
  return out;
}

function countUnspaced(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu,
  ))
    n++;
  return n;
}
