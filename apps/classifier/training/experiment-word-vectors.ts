/**
 * Does the topic model gain from better English word vectors? English SIB-200 only, vectors
 * alone (no n-gram model): the softmax of train-topic-vectors.ts (class-balanced, L2 1e-3,
 * 400 epochs, learning rate 0.5) over 2 x the SIF-weighted mean of a sentence's word vectors
 * (weightOfEnglishRank's a = 1e-4), for GloVe 6B 100d, for the static tables embed-words.ts
 * wrote from sentence transformers, and for GloVe concatenated with each (both parts of unit
 * length). Macro-F1 by 5-fold CV over train's sentence ids (foldIds, the folds of
 * train-topic-vectors; also two other shuffles, since 701 sentences make a point of macro-F1
 * noise) and train -> dev.
 *   npx tsx apps/classifier/training/embed-words.ts minilm   (first; also e5, bge)
 *   [ONLY=regex] [SCALES=1,1.41,2] npx tsx apps/classifier/training/experiment-word-vectors.ts
 * ONLY keeps the variants whose names match; SCALES runs each at each input scale (rows times
 * the factor): the concatenations' rows are sqrt(2) long, and with the same L2 and learning
 * rate a longer input alone moves macro-F1, so variants compare fairly only at their best scale.
 *
 * Figures (CV: mean of the three shuffles' pooled macro-F1; x f: rows times f, so the input is
 * 2f x the mean):
 *   GloVe 100d:                    x1 CV 0.782 dev 0.773; x3 0.804 / 0.796; x4 0.804 / 0.818;
 *                                  x6 0.794; x8 0.783.
 *   all-MiniLM-L6-v2 static 384d:  x1 0.770 / 0.720; centred x1 0.774 / 0.731, x3 0.798 / 0.762.
 *   bge-small-en-v1.5 (CLS):       x1 0.749 / 0.731; centred 0.760 / 0.739.
 *   e5-small-v2 ("query: "):       x1 0.736 / 0.679; centred 0.766 / 0.725.
 *   GloVe + MiniLM centred:        x1 0.814 / 0.784; x2 0.827 / 0.824; x3 0.832 / 0.827 (each
 *                                  shuffle above GloVe x3's); x4 0.823 / 0.814.
 *   GloVe + e5 centred:            x1 0.810 / 0.748; x3 0.825 / 0.794.
 *   GloVe + bge centred:           x1 0.801 / 0.776.
 * No transformer's table alone beats GloVe's; beside it, MiniLM's adds 0.028 at the best scale.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { macroF1 } from '../src/eval/topic-eval.js';
import { topicSkeleton } from '../src/topics/features.js';
import { vectorTokens } from '../src/topics/topic-vectors.js';
import { densePredict, trainDenseSoftmax } from './lib/dense-softmax.js';
import { GLOVE_DIMS, loadGlove, type Glove } from './lib/glove.js';
import { cacheDir } from './lib/package-cache.js';
import { CV_FOLDS, foldIds, readSib, type SibRow } from './lib/sib.js';
import { ENCODERS } from './lib/sentence-encoder.js';
import { centred as centreRows } from './lib/static-word-vectors.js';
import { weightOfEnglishRank } from './lib/word-weights.js';

const VOCAB = 100_000;
const TRAINING = { epochs: 400, learningRate: 0.5, l2: 1e-3 };
const INPUT_SCALE = 2;
const FOLD_SEEDS = [23, 1, 2]; // 23: foldIds' default, the folds train-topic-vectors uses
const SCALES = (process.env.SCALES ?? '1').split(',').map(Number);
const ONLY = new RegExp(process.env.ONLY ?? '');
const ENGLISH = 'en';

/** Rows in GloVe's rank order, `dims` wide; a rank past `words` has no vector. */
interface Vectors {
  name: string;
  dims: number;
  words: number;
  row(rank: number): Float32Array;
}

const words = (text: string): string[] => vectorTokens(topicSkeleton(text), false);

function gloveVectors(glove: Glove): Vectors {
  const row = (rank: number) => glove.vectors.subarray(rank * GLOVE_DIMS, (rank + 1) * GLOVE_DIMS);
  return { name: 'GloVe 100d', dims: GLOVE_DIMS, words: glove.words.length, row };
}

/** Each row times `factor` (SCALES). */
function scaled(v: Vectors, factor: number): Vectors {
  const row = (rank: number) => v.row(rank).map((x) => x * factor);
  return { ...v, name: `${v.name} x ${factor.toFixed(2)}`, row };
}

/** The rows less their mean, of unit length again (lib/static-word-vectors' centred). */
function centred(v: Vectors): Vectors {
  const rows = new Float32Array(v.words * v.dims);
  for (let r = 0; r < v.words; r++) rows.set(v.row(r), r * v.dims);
  const { table } = centreRows({ dims: v.dims, table: rows });
  const row = (rank: number) => table.subarray(rank * v.dims, (rank + 1) * v.dims);
  return { ...v, name: `${v.name} centred`, row };
}

/** embed-words.ts's table, checked to follow GloVe's order. */
function staticVectors(name: string, glove: Glove): Vectors | undefined {
  const dir = cacheDir(name);
  const file = existsSync(dir) && readdirSync(dir).find((f) => /^words-\d+\.f32$/.test(f));
  if (!file) return undefined;
  const dims = Number(/\d+/.exec(file)![0]);
  const list = readFileSync(join(dir, 'words.txt'), 'utf8').trimEnd().split('\n');
  list.forEach((w, i) => {
    if (glove.words[i] !== w)
      throw new Error(`${name}: word ${i} is ${w}, GloVe's ${glove.words[i]}`);
  });
  const buffer = readFileSync(join(dir, file));
  const table = new Float32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
  const row = (rank: number) => table.subarray(rank * dims, (rank + 1) * dims);
  return { name: `${name} static ${dims}d`, dims, words: list.length, row };
}

/** Side by side, each part a unit vector already, so each counts alike. */
function concatenated(a: Vectors, b: Vectors): Vectors {
  const dims = a.dims + b.dims;
  const row = (rank: number) => {
    const out = new Float32Array(dims);
    out.set(a.row(rank));
    out.set(b.row(rank), a.dims);
    return out;
  };
  return { name: `${a.name} + ${b.name}`, dims, words: Math.min(a.words, b.words), row };
}

/** 2 x the SIF-weighted mean of the text's known words' vectors. */
function embed(vectors: Vectors, glove: Glove, text: string): Float64Array {
  const mean = new Float64Array(vectors.dims);
  let total = 0;
  for (const w of words(text)) {
    const rank = glove.rank.get(w);
    if (rank === undefined || rank >= vectors.words) continue;
    const weight = weightOfEnglishRank(rank);
    const row = vectors.row(rank);
    for (let d = 0; d < vectors.dims; d++) mean[d] += weight * row[d];
    total += weight;
  }
  if (total > 0) for (let d = 0; d < vectors.dims; d++) mean[d] *= INPUT_SCALE / total;
  return mean;
}

/** Macro-F1 on `test` of the softmax fitted on `fit`. */
function predictions(
  inputs: Map<SibRow, Float64Array>,
  fit: readonly SibRow[],
  test: readonly SibRow[],
  labels: string[],
  dims: number,
): { gold: string; predicted: string }[] {
  const model = trainDenseSoftmax(
    fit.map((r) => inputs.get(r)!),
    fit.map((r) => labels.indexOf(r.category)),
    labels.length,
    dims,
    TRAINING,
  );
  return test.map((r) => ({
    gold: r.category,
    predicted: labels[densePredict(model, inputs.get(r)!)],
  }));
}

/** Pooled out-of-fold macro-F1 for one shuffle of the sentence ids into folds. */
function crossValidated(
  inputs: Map<SibRow, Float64Array>,
  train: readonly SibRow[],
  labels: string[],
  dims: number,
  seed: number,
): number {
  const pooled = [];
  for (let fold = 0; fold < CV_FOLDS; fold++) {
    const ids = foldIds(train, fold, seed);
    const fit = train.filter((r) => !ids.has(r.id));
    const held = train.filter((r) => ids.has(r.id));
    pooled.push(...predictions(inputs, fit, held, labels, dims));
  }
  return macroF1(pooled);
}

const train = readSib('train').filter((r) => r.language === ENGLISH);
const dev = readSib('dev').filter((r) => r.language === ENGLISH);
const labels = [...new Set(train.map((r) => r.category))].sort();
const glove = loadGlove(VOCAB);
const base = gloveVectors(glove);
const variants: Vectors[] = [base];
for (const spec of Object.values(ENCODERS)) {
  const other = staticVectors(spec.name, glove);
  if (!other) continue;
  const centredOther = centred(other);
  variants.push(other, centredOther, concatenated(base, other), concatenated(base, centredOther));
}

console.log(`English SIB-200: ${train.length} train, ${dev.length} dev sentences; macro-F1`);
console.log(
  `  ${'vectors'.padEnd(60)}${FOLD_SEEDS.map((s) => `CV seed ${s}`.padStart(13)).join('')}   CV mean      dev`,
);
const runs = variants
  .filter((v) => ONLY.test(v.name))
  .flatMap((v) => SCALES.map((f) => (f === 1 ? v : scaled(v, f))));
for (const vectors of runs) {
  const inputs = new Map([...train, ...dev].map((r) => [r, embed(vectors, glove, r.text)]));
  const cv = FOLD_SEEDS.map((seed) => crossValidated(inputs, train, labels, vectors.dims, seed));
  const devF1 = macroF1(predictions(inputs, train, dev, labels, vectors.dims));
  const mean = cv.reduce((a, b) => a + b, 0) / cv.length;
  console.log(
    `  ${`${vectors.name} (${vectors.words} words)`.padEnd(60)}${cv.map((f) => f.toFixed(3).padStart(13)).join('')}${mean.toFixed(3).padStart(10)}${devF1.toFixed(3).padStart(9)}`,
  );
}
