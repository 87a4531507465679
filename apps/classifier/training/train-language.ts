/**
 * Trains the per-script language models from SIB-200 train (Flores sentences) and writes
 * apps/classifier/models/language-<script>.bin.gz. Reproducible: fixed seed, fixed data.
 *   npx tsx apps/classifier/training/train-language.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageFeatures, letterSkeleton } from '../src/language/features.js';
import { languageModelFile, MODEL_SCRIPTS, type ModelScript } from '../src/language/detect.js';
import { modelsDir } from '../src/model/paths.js';
import { readSib, rng, type SibRow } from './lib/sib.js';
import { trainSoftmax, type Example } from './lib/softmax-trainer.js';

const BITS: Record<ModelScript, number> = { Latin: 18, Cyrillic: 17, Arabic: 16 };
const SNIPPETS_PER_SENTENCE = 3;

function featuresOf(text: string): Uint32Array {
  const scratch = { buf: new Uint32Array(4096) };
  const n = languageFeatures(letterSkeleton(text), scratch);
  return scratch.buf.slice(0, n);
}

/** Random word-aligned spans of 10..60 characters: teaches the model to decide on titles. */
function snippets(text: string, random: () => number): string[] {
  const words = text.split(' ');
  const out: string[] = [];
  for (let k = 0; k < SNIPPETS_PER_SENTENCE; k++) {
    const target = 10 + Math.floor(random() * 50);
    const start = Math.floor(random() * words.length);
    let s = '';
    for (let i = start; i < words.length && s.length < target; i++) s += (s ? ' ' : '') + words[i];
    if (s.length < target && start > 0)
      s = words.slice(Math.max(0, start - 3), start).join(' ') + ' ' + s;
    out.push(s.trim());
  }
  return out;
}

const FOLDER_SCRIPTS: Record<string, ModelScript> = {
  Latn: 'Latin',
  Cyrl: 'Cyrillic',
  Arab: 'Arabic',
};

function scriptOfRow(row: SibRow): ModelScript | undefined {
  return FOLDER_SCRIPTS[row.folder.split('_')[1]];
}

function examplesFor(rows: SibRow[], labels: string[], seed: number): Example[] {
  const random = rng(seed);
  const out: Example[] = [];
  for (const row of rows) {
    const label = labels.indexOf(row.language);
    out.push({ features: featuresOf(row.text), label });
    for (const s of snippets(row.text, random)) out.push({ features: featuresOf(s), label });
  }
  return out;
}

export function trainLanguageModels(): void {
  const train = readSib('train');
  for (const script of MODEL_SCRIPTS) {
    const rows = train.filter((r) => scriptOfRow(r) === script);
    const labels = [...new Set(rows.map((r) => r.language))].sort();
    const examples = examplesFor(rows, labels, 7);
    const model = trainSoftmax(examples, {
      kind: `language-${script}`,
      labels,
      bits: BITS[script],
      epochs: Number(process.env.LANG_EPOCHS ?? 6),
      learningRate: 0.5,
      l2: Number(process.env.LANG_L2 ?? 0.0003),
      seed: 11,
      meta: { source: 'SIB-200 train (Flores-200, CC BY-SA 4.0)', features: 'char1-4+words' },
      log: (m) => console.log(m),
    });
    const file = join(modelsDir(), languageModelFile(script));
    const bytes = model.serialize();
    writeFileSync(file, bytes);
    console.log(`${script}: ${labels.join(',')} -> ${file} (${bytes.length} bytes)`);
  }
}

trainLanguageModels();
