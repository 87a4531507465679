import { existsSync } from 'node:fs';
import { modelPath, readModelFile } from '../model/paths.js';
import { fnv1a, fnvStep } from '../text/hash.js';
import { HashIndex } from './hash-index.js';
import { packKeyedRows, sortKeyedRows, unpackKeyedRows } from './keyed-rows-file.js';
import { logLinearPool } from './log-linear-pool.js';
import { isThaiScript, isUnspacedScript } from './features.js';

export const TOPIC_VECTORS_FILE = 'topic-vectors.bin.gz';

/** Shortest prefix an unknown inflected word may borrow a known word's vector through. */
export const MIN_PREFIX = 4;

/**
 * One language's words, each with what its word vector says about the categories: the
 * vector model's weights applied to the word's vector, so a text's logits are the weighted mean
 * of its words' rows plus the bias (the model is linear in the mean vector).
 */
export interface VectorLanguage {
  code: string;
  /** How much the vector model counts beside the n-gram model, chosen by cross-validation. */
  lambda: number;
  /** Unknown words of at least MIN_PREFIX + 1 letters fall back to their longest known prefix. */
  prefixFallback: boolean;
  /** Unspaced runs (Han, Kana, Thai) are read as their character n-grams: see vectorTokens. */
  charGrams?: boolean;
  words: string[];
  /** words.length x labels.length, int8, times `scale`. */
  logits: Int8Array;
  /** words.length, uint8: the word's weight in the mean x 255. */
  weights: Uint8Array;
}

export interface TopicVectorsData {
  labels: string[];
  bias: number[];
  scale: number;
  meta: Record<string, unknown>;
  languages: VectorLanguage[];
}

/** A language's settings, as the file's header keeps them. */
type LanguageHeader = Omit<VectorLanguage, 'words' | 'logits' | 'weights'>;

/**
 * The tables as the class and the file hold them: every (language, word) hash once, ascending,
 * with its logits and weight at the same position.
 */
interface IndexedTables {
  labels: string[];
  bias: number[];
  scale: number;
  meta: Record<string, unknown>;
  languages: LanguageHeader[];
  keys: Uint32Array;
  logits: Int8Array;
  weights: Uint8Array;
}

const languageSeed = (code: string): number => fnv1a(`${code}\u0001`);

/** Hashes every word with its language's seed and orders the rows by hash. */
function indexTables(data: TopicVectorsData): IndexedTables {
  const K = data.labels.length;
  const total = data.languages.reduce((n, l) => n + l.words.length, 0);
  const hashes = new Uint32Array(total);
  const logits = new Int8Array(total * K);
  const weights = new Uint8Array(total);
  let row = 0;
  for (const l of data.languages) {
    if (l.logits.length !== l.words.length * K || l.weights.length !== l.words.length) {
      throw new Error(`topic vectors: ${l.code} has inconsistent table sizes`);
    }
    logits.set(l.logits, row * K);
    weights.set(l.weights, row);
    const seed = languageSeed(l.code);
    for (const word of l.words) hashes[row++] = fnv1a(word, seed);
  }
  return {
    labels: data.labels,
    bias: data.bias,
    scale: data.scale,
    meta: data.meta,
    languages: data.languages.map(({ code, lambda, prefixFallback, charGrams }) => ({
      code,
      lambda,
      prefixFallback,
      ...(charGrams ? { charGrams } : {}),
    })),
    ...sortKeyedRows(hashes, logits, weights, K),
  };
}

/** The file's header (see keyed-rows-file.ts). */
type StoredHeader = Omit<IndexedTables, 'keys' | 'logits' | 'weights'>;

interface LanguageEntry {
  lambda: number;
  prefixFallback: boolean;
  charGrams: boolean;
  seed: number;
}

/** Thai letters spell words of several syllables, so a triple of them carries what a Han pair does. */
const gramSize = (code: number): number => (isThaiScript(code) ? 3 : 2);

/**
 * Calls `take(start, end)` for each token of a skeleton (words between single spaces). Chinese,
 * Japanese and Thai write no spaces, so their skeleton words are whole clauses no table could
 * list: in a language read by character n-grams, each run of those scripts becomes its
 * overlapping pairs (Han, Kana) or triples (Thai), a run no longer than that itself; other runs
 * stay whole.
 */
function forEachVectorToken(
  skeleton: string,
  charGrams: boolean,
  take: (start: number, end: number) => void,
): void {
  let start = 0;
  while (start < skeleton.length) {
    let end = skeleton.indexOf(' ', start);
    if (end < 0) end = skeleton.length;
    if (end > start && charGrams) forEachCharGram(skeleton, start, end, take);
    else if (end > start) take(start, end);
    start = end + 1;
  }
}

/** The word text[from, to) cut into runs of one script kind, the unspaced runs into n-grams. */
function forEachCharGram(
  text: string,
  from: number,
  to: number,
  take: (start: number, end: number) => void,
): void {
  let start = from;
  while (start < to) {
    const unspaced = isUnspacedScript(text.charCodeAt(start));
    const n = gramSize(text.charCodeAt(start));
    let end = start + 1;
    while (
      end < to &&
      isUnspacedScript(text.charCodeAt(end)) === unspaced &&
      (!unspaced || gramSize(text.charCodeAt(end)) === n)
    )
      end++;
    if (!unspaced || end - start <= n) take(start, end);
    else for (let i = start; i + n <= end; i++) take(i, i + n);
    start = end;
  }
}

/** A skeleton's tokens as strings, for training: the ones `TopicVectors` looks up. */
export function vectorTokens(skeleton: string, charGrams: boolean): string[] {
  const out: string[] = [];
  forEachVectorToken(skeleton, charGrams, (s, e) => out.push(skeleton.slice(s, e)));
  return out;
}

/** Longest word whose prefixes are looked up; longer ones are rare and cost more than they add. */
const MAX_WORD = 40;

/**
 * Category logits from word vectors (GloVe, mapped to other languages through SIB-200's parallel
 * sentences): they know words the 701 labelled sentences never used, which the n-gram model
 * cannot. Pooled with the n-gram model's probabilities, weighted by a lambda per language.
 *
 * Words are not kept as strings: each (language, word) is an FNV-1a hash in a sorted index
 * (HashIndex, built when the file is written), so a lookup allocates nothing and a prefix's hash
 * is a step of its word's. The 894,000 words take 11 MB of typed arrays (hashes 3.6 MB, logits
 * 6.3 MB, weights 0.9 MB, directory 0.5 MB), read from the file as they are; a false match
 * (1 in ~4,800 lookups of an unknown word) lends one unrelated word's row to a mean over
 * hundreds.
 */
export class TopicVectors {
  private readonly languages = new Map<string, LanguageEntry>();
  private readonly labelCount: number;
  private readonly index: HashIndex;
  private readonly logitRows: Int8Array;
  private readonly weightRows: Uint8Array;
  private readonly prefixHashes = new Uint32Array(MAX_WORD + 1);

  readonly labels: readonly string[];
  private readonly bias: readonly number[];
  private readonly scale: number;

  /** Keeps the tables it builds, not `data` (its words as strings would cost 40 MB of heap). */
  constructor(data: TopicVectorsData | IndexedTables) {
    const tables = 'keys' in data ? data : indexTables(data);
    this.labels = tables.labels;
    this.bias = tables.bias;
    this.scale = tables.scale;
    const K = (this.labelCount = tables.labels.length);
    const rows = tables.keys.length;
    if (tables.logits.length !== rows * K || tables.weights.length !== rows) {
      throw new Error('topic vectors: inconsistent table sizes');
    }
    for (const l of tables.languages) {
      this.languages.set(l.code, {
        lambda: l.lambda,
        prefixFallback: l.prefixFallback,
        charGrams: l.charGrams ?? false,
        seed: languageSeed(l.code),
      });
    }
    this.index = new HashIndex(tables.keys);
    this.logitRows = tables.logits;
    this.weightRows = tables.weights;
  }

  /** The shipped model, or undefined in a checkout without it (the n-gram model works alone). */
  static loadIfPresent(): TopicVectors | undefined {
    if (!existsSync(modelPath(TOPIC_VECTORS_FILE))) return undefined;
    return TopicVectors.fromFile(readModelFile(TOPIC_VECTORS_FILE));
  }

  lambda(language: string): number {
    return this.languages.get(language)?.lambda ?? 0;
  }

  /** Logits per label for a skeleton's words, or undefined when none of them is known. */
  logits(skeleton: string, language: string): Float64Array | undefined {
    const entry = this.languages.get(language);
    if (!entry) return undefined;
    const K = this.labelCount;
    const sum = new Float64Array(K);
    let weightSum = 0;
    const add = (start: number, end: number): void => {
      const row = this.rowOf(entry, skeleton, start, end);
      if (row < 0) return;
      const w = this.weightRows[row] / 255;
      for (let k = 0; k < K; k++) sum[k] += w * this.logitRows[row * K + k];
      weightSum += w;
    };
    forEachVectorToken(skeleton, entry.charGrams, add);
    if (weightSum === 0) return undefined;
    for (let k = 0; k < K; k++) sum[k] = (sum[k] / weightSum) * this.scale + this.bias[k];
    return sum;
  }

  /**
   * Mixes the vector model into the n-gram model's probabilities (same label order):
   * (p_k * softmax(z)_k ^ lambda) ^ (1 / (1 + lambda)), renormalised. Unchanged where the
   * language has no vectors.
   */
  combine(
    probabilities: ArrayLike<number>,
    skeleton: string,
    language: string,
    lambda = this.lambda(language),
  ): number[] {
    const p = Array.from(probabilities);
    if (lambda <= 0) return p;
    const z = this.logits(skeleton, language);
    if (!z) return p;
    return logLinearPool(p, z, lambda);
  }

  /** The word's row; else, where the language allows it, its longest known prefix's. */
  private rowOf(entry: LanguageEntry, text: string, start: number, end: number): number {
    const length = Math.min(end - start, MAX_WORD);
    let hash = entry.seed;
    for (let i = 0; i < length; i++) {
      hash = fnvStep(hash, text.charCodeAt(start + i));
      this.prefixHashes[i + 1] = hash >>> 0;
    }
    if (end - start > MAX_WORD) return -1;
    const row = this.find(this.prefixHashes[length]);
    if (row >= 0 || !entry.prefixFallback) return row;
    for (let k = length - 1; k >= MIN_PREFIX; k--) {
      const prefix = this.find(this.prefixHashes[k]);
      if (prefix >= 0) return prefix;
    }
    return -1;
  }

  private find(key: number): number {
    return this.index.find(key);
  }

  /** A model file (see keyed-rows-file.ts): the header, then the indexed tables' arrays. */
  static serialize(data: TopicVectorsData): Buffer {
    const { keys, logits, weights, ...header } = indexTables(data);
    return packKeyedRows(header, { keys, logits, weights });
  }

  /** The vectors a model file holds; its logits and weights are used in place. */
  static fromFile(file: Buffer): TopicVectors {
    const { header, ...rows } = unpackKeyedRows<StoredHeader>(file, 'topic vectors');
    return new TopicVectors({ ...header, ...rows });
  }
}
