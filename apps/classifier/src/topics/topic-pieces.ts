import { existsSync } from 'node:fs';
import { modelPath, readModelFile } from '../model/paths.js';
import { forEachPiece, pieceKey, pieceLength } from './bert-pieces.js';
import { TOPIC_FEATURE_CHARS } from './features.js';
import { HashIndex } from './hash-index.js';
import { packKeyedRows, sortKeyedRows, unpackKeyedRows } from './keyed-rows-file.js';
import { logLinearPool } from './log-linear-pool.js';

export const TOPIC_PIECES_FILE = 'topic-pieces.bin.gz';

const FILTER_SLOTS = 2 ** 20;
const filterSlot = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 12;

/**
 * What multilingual BERT's input embedding of each WordPiece piece says about the categories:
 * a softmax over the weighted mean of a text's pieces' embeddings, stored as each piece's row
 * of logits (the model is linear in the mean). Its 119,444 pieces (the vocabulary's 119,547
 * less padding and unused slots) spell every word of every language, so it knows something of
 * words neither the n-gram model nor the word vectors list.
 */
export interface TopicPiecesData {
  labels: string[];
  bias: number[];
  scale: number;
  /** How much the pieces count beside the other models' pooled answer (cross-validated). */
  weight: number;
  meta: Record<string, unknown>;
  pieces: string[];
  /** pieces.length x labels.length, int8, times `scale`. */
  logits: Int8Array;
  /** pieces.length, uint8: the piece's weight in the mean x 255. */
  weights: Uint8Array;
}

type StoredHeader = Omit<IndexedPieces, 'keys' | 'logits' | 'weights'>;

interface IndexedPieces extends Omit<TopicPiecesData, 'pieces'> {
  keys: Uint32Array;
  /** The longest piece's length in code points (see pieceLength). */
  longestPiece: number;
}

function indexPieces(data: TopicPiecesData): IndexedPieces {
  const K = data.labels.length;
  const { pieces, logits, weights, ...rest } = data;
  if (logits.length !== pieces.length * K || weights.length !== pieces.length) {
    throw new Error('topic pieces: inconsistent table sizes');
  }
  const hashes = Uint32Array.from(pieces, pieceKey);
  return {
    ...rest,
    longestPiece: pieces.reduce((n, p) => Math.max(n, pieceLength(p)), 1),
    ...sortKeyedRows(hashes, logits, weights, K),
  };
}

export class TopicPieces {
  readonly labels: readonly string[];
  readonly weight: number;
  private readonly bias: readonly number[];
  private readonly scale: number;
  private readonly index: HashIndex;
  private readonly logitRows: Int8Array;
  private readonly weightRows: Uint8Array;
  private readonly find: (key: number) => number;
  private readonly longestPiece: number;
  /**
   * One bit per 2^20 slots of a key's multiplicative hash: most lookups WordPiece makes are of
   * substrings no piece spells, and a clear bit answers them without the index's search.
   */
  private readonly filter = new Uint32Array(FILTER_SLOTS / 32);

  constructor(data: TopicPiecesData | IndexedPieces) {
    const tables = 'keys' in data ? data : indexPieces(data);
    this.labels = tables.labels;
    this.weight = tables.weight;
    this.bias = tables.bias;
    this.scale = tables.scale;
    this.index = new HashIndex(tables.keys);
    this.logitRows = tables.logits;
    this.weightRows = tables.weights;
    this.longestPiece = tables.longestPiece;
    for (const key of tables.keys) {
      const slot = filterSlot(key);
      this.filter[slot >>> 5] |= 1 << (slot & 31);
    }
    this.find = (key) => {
      const slot = filterSlot(key);
      return this.filter[slot >>> 5] & (1 << (slot & 31)) ? this.index.find(key) : -1;
    };
  }

  static loadIfPresent(): TopicPieces | undefined {
    if (!existsSync(modelPath(TOPIC_PIECES_FILE))) return undefined;
    return TopicPieces.fromFile(readModelFile(TOPIC_PIECES_FILE));
  }

  /** Logits per label for the text's pieces, or undefined when it has none. */
  logits(text: string): Float64Array | undefined {
    const K = this.labels.length;
    const sum = new Float64Array(K);
    let weightSum = 0;
    const take = (row: number): void => {
      const w = this.weightRows[row] / 255;
      for (let k = 0; k < K; k++) sum[k] += w * this.logitRows[row * K + k];
      weightSum += w;
    };
    forEachPiece(text, TOPIC_FEATURE_CHARS, this.find, take, this.longestPiece);
    if (weightSum === 0) return undefined;
    for (let k = 0; k < K; k++) sum[k] = (sum[k] / weightSum) * this.scale + this.bias[k];
    return sum;
  }

  /** The pieces' logits pooled into `probabilities` (see logLinearPool), as the vectors are. */
  mix(probabilities: readonly number[], text: string, weight = this.weight): number[] {
    if (weight <= 0) return [...probabilities];
    const z = this.logits(text);
    if (!z) return [...probabilities];
    return logLinearPool(probabilities, z, weight);
  }

  static serialize(data: TopicPiecesData): Buffer {
    const { keys, logits, weights, ...header } = indexPieces(data);
    return packKeyedRows(header, { keys, logits, weights });
  }

  static fromFile(file: Buffer): TopicPieces {
    const { header, ...rows } = unpackKeyedRows<StoredHeader>(file, 'topic pieces');
    return new TopicPieces({ ...header, ...rows });
  }
}
