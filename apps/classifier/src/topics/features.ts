import type { Entity } from '../entities/entities.js';
import type { Places } from '../places/places.js';
import { FNV_OFFSET, fnv1a, fnvStep, mix32 } from '../text/hash.js';

export const TOPIC_FEATURE_CHARS = 1500;

/** How text becomes hashed features; stored in the model header so training and use agree. */
export interface TopicFeatureConfig {
  charMin: number;
  charMax: number;
  /** Word bigrams besides word unigrams. */
  bigrams: boolean;
  /** Copies of each language-independent anchor token (places, known entities). */
  anchorWeight: number;
}

export const DEFAULT_TOPIC_FEATURES: TopicFeatureConfig = {
  charMin: 2,
  charMax: 5,
  bigrams: false,
  anchorWeight: 3,
};

const SPACE = 32;
const WORD_SEED = 0x51ed270b;
const BIGRAM_SEED = 0x3c6ef372;
const IDEOGRAPH_SEED = 0x1b873593;
const ANCHOR_SEED = 0x7f4a7c15;

export function topicSkeleton(text: string, maxChars = TOPIC_FEATURE_CHARS): string {
  const head = text.length > maxChars ? text.slice(0, maxChars) : text;
  return ` ${skeletonWords(head)} `;
}

/** Lower case, every run of non-letters one space, none at either end. */
export function skeletonWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Han, Kana and Thai: scripts written without spaces, where one character (or two) carries
 * what a word carries elsewhere.
 */
export function isUnspacedScript(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    isThaiScript(code)
  );
}

export const isThaiScript = (code: number): boolean => code >= 0x0e00 && code <= 0x0e7f;

/**
 * Language-independent tokens for what the place and entity recognisers found: the same in a
 * French and a Kazakh article, so every language's training data teaches their weights.
 */
export function topicAnchors(places: Places, entities: readonly Entity[]): string[] {
  const out: string[] = [];
  for (const c of places.countries) out.push(`country:${c.code}`, 'place');
  for (const c of places.cities) {
    out.push(`city:${c.geonameId}`, `country:${c.countryCode}`, 'city', 'place');
  }
  for (const e of entities) {
    if (e.canonical) out.push(`entity:${e.canonical.toLowerCase()}`, `type:${e.type}`);
    else out.push('candidate-name');
  }
  return out;
}

/**
 * Hashed features written into `out.buf`, count returned: character n-grams inside words
 * (fastText-style, with the surrounding spaces as word boundaries), words, optional word bigrams,
 * single characters and character pairs of unspaced scripts, and anchor tokens.
 */
export function topicFeatures(
  skeleton: string,
  out: { buf: Uint32Array },
  config: TopicFeatureConfig = DEFAULT_TOPIC_FEATURES,
  anchors: readonly string[] = [],
): number {
  const { charMin, charMax } = config;
  const needed = skeleton.length * (charMax + 4) + anchors.length * config.anchorWeight + 8;
  if (out.buf.length < needed) out.buf = new Uint32Array(needed * 2);
  const buf = out.buf;
  const len = skeleton.length;
  let n = 0;
  for (const anchor of anchors) {
    const h = mix32(fnv1a(anchor, ANCHOR_SEED));
    for (let i = 0; i < config.anchorWeight; i++) buf[n++] = h;
  }
  let word = WORD_SEED;
  let previousWord = 0;
  let previousIdeograph = -1;
  for (let i = 0; i < len; i++) {
    const code = skeleton.charCodeAt(i);
    let h = fnvStep(FNV_OFFSET, code);
    for (let k = 1; k < charMax && i + k < len; k++) {
      const next = skeleton.charCodeAt(i + k);
      h = fnvStep(h, next);
      if (k + 1 >= charMin) buf[n++] = mix32(h + k);
      if (next === SPACE) break;
    }
    if (isUnspacedScript(code)) {
      const single = fnvStep(IDEOGRAPH_SEED, code);
      buf[n++] = mix32(single);
      if (previousIdeograph >= 0) buf[n++] = mix32(fnvStep(fnvStep(single, previousIdeograph), 1));
      previousIdeograph = code;
    } else {
      previousIdeograph = -1;
    }
    if (code !== SPACE) {
      word = fnvStep(word, code);
      continue;
    }
    if (word !== WORD_SEED) {
      const w = mix32(word);
      buf[n++] = w;
      if (config.bigrams && previousWord)
        buf[n++] = mix32(Math.imul(previousWord, 31) ^ w ^ BIGRAM_SEED);
      previousWord = w;
    }
    word = WORD_SEED;
  }
  return n;
}
