/**
 * Static English word vectors from a small sentence transformer, model2vec-style: each GloVe
 * word embedded alone ([CLS] word [SEP], pooled as the model's card says, unit length),
 * written for experiment-word-vectors.ts as .cache/<model>/words-<dims>.f32 (Float32, rows in
 * GloVe's frequency order) beside words.txt. One ONNX thread.
 *   npx tsx apps/classifier/training/embed-words.ts [minilm|e5|bge] [words, default 100000]
 *
 * Why: the topic model's word vectors are a linear map's input, folded into each word's logits
 * row when the model is written, so vectors from a better (and wider) model cost nothing at run
 * time; a sentence transformer trained on a billion sentence pairs may place topic words
 * better than GloVe's co-occurrence counts.
 */
import { loadGlove } from './lib/glove.js';
import { ENCODERS, SentenceEncoder } from './lib/sentence-encoder.js';
import { embedWords, writeStaticWordVectors } from './lib/static-word-vectors.js';

const spec = ENCODERS[process.argv[2] ?? 'minilm'];
if (!spec) throw new Error(`unknown model ${process.argv[2]}; one of ${Object.keys(ENCODERS)}`);
const limit = Number(process.argv[3] ?? 100_000);
const encoder = await SentenceEncoder.load(spec);

/** Pairs whose cosines should rank in the written order: a check of tokeniser and pooling. */
async function sanityCheck(): Promise<void> {
  const texts = ['football match', 'soccer game', 'stock market', 'the central bank raised rates'];
  const { vectors, dims } = await encoder.embed(texts);
  const cos = (a: number, b: number): number => {
    let s = 0;
    for (let d = 0; d < dims; d++) s += vectors[a * dims + d] * vectors[b * dims + d];
    return s;
  };
  for (const [a, b] of [
    [0, 1],
    [0, 2],
    [2, 3],
    [1, 3],
  ])
    console.log(`cos("${texts[a]}", "${texts[b]}") = ${cos(a, b).toFixed(3)}`);
}

await sanityCheck();
const glove = loadGlove(limit);
const vectors = await embedWords(encoder, glove.words);
const file = writeStaticWordVectors(spec, glove.words, vectors);
console.log(`wrote ${file} (${glove.words.length} x ${vectors.dims}) and words.txt`);
