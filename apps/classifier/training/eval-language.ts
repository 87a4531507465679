/** Quick language-only evaluation on SIB-200 dev: npx tsx apps/classifier/training/eval-language.ts */
import { LanguageDetector } from '../src/language/detect.js';
import { evaluateLanguage } from '../src/eval/language-eval.js';
import { readSib, shortTitle } from './lib/sib.js';

const detector = LanguageDetector.load();
const dev = readSib('dev');
const sentences = dev.map((r) => ({ text: r.text, language: r.language, group: r.folder }));
const titles = dev.map((r) => ({
  text: shortTitle(r.text),
  language: r.language,
  group: r.folder,
}));
for (const [name, items] of [
  ['sentences', sentences],
  ['titles<=40', titles],
] as const) {
  const t0 = performance.now();
  const report = evaluateLanguage(detector, items);
  const ms = performance.now() - t0;
  const worst = [...report.confusions].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(
    `${name}: ${(report.accuracy * 100).toFixed(2)}% of ${report.total} (${((ms * 1000) / items.length).toFixed(0)} µs each)`,
  );
  console.log('  confusions:', worst.map(([k, v]) => `${k}:${v}`).join(' '));
}
