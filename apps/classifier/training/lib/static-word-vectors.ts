import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './package-cache.js';
import { SentenceEncoder, type EncoderSpec } from './sentence-encoder.js';

const BATCH = 256;

export interface StaticWordVectors {
  dims: number;
  /** words.length x dims, row i word i's unit vector. */
  table: Float32Array;
}

/**
 * Each word embedded alone by a sentence transformer ([CLS] word [SEP], pooled as its model
 * card says, unit length): static word vectors in the manner of model2vec. Kept in
 * .cache/<model>/words-<dims>.f32 beside words.txt and reused while the word list is the same
 * (100,000 words: about 3 minutes on one thread for MiniLM).
 */
export async function staticWordVectors(
  spec: EncoderSpec,
  words: readonly string[],
): Promise<StaticWordVectors> {
  const cached = readCached(spec, words);
  if (cached) return cached;
  const encoder = await SentenceEncoder.load(spec);
  const vectors = await embedWords(encoder, words);
  writeStaticWordVectors(spec, words, vectors);
  return vectors;
}

/** Keeps the table as .cache/<model>/words-<dims>.f32 beside words.txt; returns the table's path. */
export function writeStaticWordVectors(
  spec: EncoderSpec,
  words: readonly string[],
  vectors: StaticWordVectors,
): string {
  const dir = cacheDir(spec.name);
  const file = join(dir, `words-${vectors.dims}.f32`);
  writeFileSync(file, vectors.table);
  writeFileSync(join(dir, 'words.txt'), words.join('\n') + '\n');
  return file;
}

function readCached(spec: EncoderSpec, words: readonly string[]): StaticWordVectors | undefined {
  const dir = cacheDir(spec.name);
  const list = join(dir, 'words.txt');
  if (!existsSync(list) || readFileSync(list, 'utf8') !== words.join('\n') + '\n') return undefined;
  for (const dims of [384, 512, 768]) {
    const file = join(dir, `words-${dims}.f32`);
    if (!existsSync(file)) continue;
    const buffer = readFileSync(file);
    const table = new Float32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
    if (table.length === words.length * dims) return { dims, table };
  }
  return undefined;
}

/** Words sorted by token count, so a batch pads little; rows go back to the words' order. */
export async function embedWords(
  encoder: SentenceEncoder,
  words: readonly string[],
): Promise<StaticWordVectors> {
  const order = words.map((_, i) => i);
  const lengths = words.map((w) => encoder.tokens(w).length);
  order.sort((a, b) => lengths[a] - lengths[b]);
  let table = new Float32Array(0);
  let dims = 0;
  const started = performance.now();
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH);
    const { vectors, dims: d } = await encoder.embed(batch.map((i) => words[i]));
    if (!dims) table = new Float32Array(words.length * (dims = d));
    batch.forEach((row, k) => table.set(vectors.subarray(k * dims, (k + 1) * dims), row * dims));
    if ((start / BATCH) % 40 === 0 || start + BATCH >= order.length) {
      const done = Math.min(start + BATCH, order.length);
      const seconds = (performance.now() - started) / 1000;
      console.log(`${done}/${words.length} words, ${(done / seconds).toFixed(0)} words/s`);
    }
  }
  return { table, dims };
}

/**
 * The rows less their mean, of unit length again. A transformer's word vectors share a large
 * common direction (its [CLS] and [SEP] states are in every one), which a weighted mean of
 * them keeps; model2vec's PCA and SIF's first-component removal take it out.
 */
export function centred({ dims, table }: StaticWordVectors): StaticWordVectors {
  const rows = table.length / dims;
  const mean = new Float64Array(dims);
  for (let i = 0; i < table.length; i++) mean[i % dims] += table[i] / rows;
  const out = new Float32Array(table.length);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const x = table[r * dims + d] - mean[d];
      out[r * dims + d] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[r * dims + d] /= norm;
  }
  return { dims, table: out };
}
