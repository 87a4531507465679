/**
 * Trains the multilingual topic model (7 SIB-200 categories, mapped to IPTC Media Topics at run
 * time) on SIB-200 train of all 44 languages jointly, writes apps/classifier/models/topics.bin.gz
 * and prints macro-F1 on SIB-200 dev.
 *   npx tsx apps/classifier/training/train-topics.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../src/model/paths.js';
import { evaluateTopics } from '../src/eval/topic-eval.js';
import { topicFeatures, topicSkeleton } from '../src/topics/features.js';
import { TOPIC_MODEL_FILE, TopicClassifier } from '../src/topics/topic-classifier.js';
import { Taxonomy } from '../src/topics/taxonomy.js';
import { readSib } from './lib/sib.js';
import { trainSoftmax } from './lib/softmax-trainer.js';

const BITS = Number(process.env.TOPIC_BITS ?? 19);
const EPOCHS = Number(process.env.TOPIC_EPOCHS ?? 4);
const LR = Number(process.env.TOPIC_LR ?? 0.3);
const L2 = Number(process.env.TOPIC_L2 ?? 0.0003);

function featuresOf(text: string): Uint32Array {
  const scratch = { buf: new Uint32Array(8192) };
  const n = topicFeatures(topicSkeleton(text), scratch);
  return scratch.buf.slice(0, n);
}

const train = readSib('train');
const labels = [...new Set(train.map((r) => r.category))].sort();
const examples = train.map((r) => ({
  features: featuresOf(r.text),
  label: labels.indexOf(r.category),
}));
const model = trainSoftmax(examples, {
  kind: 'topics-sib7',
  labels,
  bits: BITS,
  epochs: EPOCHS,
  learningRate: LR,
  l2: L2,
  seed: 5,
  meta: { source: 'SIB-200 train, 44 languages (Flores-200, CC BY-SA 4.0)' },
  log: (m) => console.log(m),
});
const bytes = model.serialize();
writeFileSync(join(modelsDir(), TOPIC_MODEL_FILE), bytes);
console.log(`wrote ${TOPIC_MODEL_FILE} (${bytes.length} bytes)`);

const classifier = new TopicClassifier(model, Taxonomy.load());
const dev = readSib('dev');
const report = evaluateTopics(
  dev.map((r) => ({
    group: r.folder,
    gold: r.category,
    predicted: classifier.bestCategory(r.text),
  })),
);
console.log(
  `dev accuracy ${(report.accuracy * 100).toFixed(1)}%, mean macro-F1 ${report.meanMacroF1.toFixed(3)}`,
);
