import { FNV_OFFSET, fnvStep, mix32 } from '../text/hash.js';

export const TOPIC_FEATURE_CHARS = 1500;
const MIN_ORDER = 2;
const MAX_ORDER = 5;
const WORD_SEED = 0x51ed270b;
const BIGRAM_SEED = 0x3c6ef372;

export function topicSkeleton(text: string, maxChars = TOPIC_FEATURE_CHARS): string {
  const head = text.length > maxChars ? text.slice(0, maxChars) : text;
  return ` ${head
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** Hashed character 2..5-grams, words and word bigrams; count written into `out.buf`. */
export function topicFeatures(skeleton: string, out: { buf: Uint32Array }): number {
  const needed = skeleton.length * (MAX_ORDER + 3) + 8;
  if (out.buf.length < needed) out.buf = new Uint32Array(needed * 2);
  const buf = out.buf;
  const len = skeleton.length;
  let n = 0;
  let word = WORD_SEED;
  let previousWord = 0;
  for (let i = 0; i < len; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < MAX_ORDER && i + k < len; k++) {
      h = fnvStep(h, skeleton.charCodeAt(i + k));
      if (k + 1 >= MIN_ORDER) buf[n++] = mix32(h + k);
    }
    const code = skeleton.charCodeAt(i);
    if (code !== 32) {
      word = fnvStep(word, code);
      continue;
    }
    if (word !== WORD_SEED) {
      const w = mix32(word);
      buf[n++] = w;
      if (previousWord) buf[n++] = mix32(Math.imul(previousWord, 31) ^ w ^ BIGRAM_SEED);
      previousWord = w;
    }
    word = WORD_SEED;
  }
  return n;
}
