import { packModelFile, unpackModelFile } from '../model/model-file.js';
import { sortedDistinct } from './hash-index.js';

/**
 * The file form of a table of hashed keys, each with a row of int8 logits and a uint8 weight
 * (the topic vectors' words, the topic pieces'): the header with the row count, then the keys
 * (u32), the logits (int8, `labels.length` a row) and the weights (u8).
 */
export interface KeyedRows {
  keys: Uint32Array;
  logits: Int8Array;
  weights: Uint8Array;
}

export function packKeyedRows<H extends { labels: string[] }>(header: H, rows: KeyedRows): Buffer {
  return packModelFile({ ...header, rows: rows.keys.length }, [
    rows.keys,
    rows.logits,
    rows.weights,
  ]);
}

/** The header (without its row count) and the rows; logits and weights are used in place. */
export function unpackKeyedRows<H extends { labels: string[] }>(
  file: Buffer,
  what: string,
): { header: H } & KeyedRows {
  const { header: stored, body } = unpackModelFile<H & { rows: number }>(file);
  const { rows, ...header } = stored;
  const K = stored.labels.length;
  if (body.length !== rows * (4 + K + 1)) {
    throw new Error(`${what}: the file's body is ${body.length} bytes, not ${rows * (4 + K + 1)}`);
  }
  // The keys are copied: a Uint32Array needs an offset the gzip body does not promise.
  const keys = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) keys[i] = body.readUInt32LE(i * 4);
  const logitBytes = body.subarray(rows * 4, rows * (4 + K));
  return {
    header: header as unknown as H,
    keys,
    logits: new Int8Array(logitBytes.buffer, logitBytes.byteOffset, logitBytes.length),
    weights: body.subarray(rows * (4 + K)),
  };
}

/**
 * Rows ordered by key, each key once (where a key repeats, its first row stands): the order a
 * HashIndex finds them in. `K` logits a row.
 */
export function sortKeyedRows(
  hashes: Uint32Array,
  logits: Int8Array,
  weights: Uint8Array,
  K: number,
): KeyedRows {
  const order = sortedDistinct(hashes);
  const sorted: KeyedRows = {
    keys: new Uint32Array(order.length),
    logits: new Int8Array(order.length * K),
    weights: new Uint8Array(order.length),
  };
  order.forEach((from, to) => {
    sorted.keys[to] = hashes[from];
    sorted.logits.set(logits.subarray(from * K, (from + 1) * K), to * K);
    sorted.weights[to] = weights[from];
  });
  return sorted;
}
