/**
 * Segmentation cost per document. Run: npx tsx apps/indexer/src/text/segment.bench.ts
 * (the lead may move it to bench/ so that `npm run bench` picks it up).
 */
import { performance } from 'node:perf_hooks';
import { segmentForIndex } from '#text';

const SAMPLES: Record<string, [string, string]> = {
  en: ['en', 'The central bank raised interest rates again on Tuesday, citing inflation. '],
  ja: ['ja', '東京都で大きな地震が発生し、気象庁は津波の心配はないと発表しました。'],
  zh: ['zh', '北京市今天发布了新的空气质量报告，专家表示情况有所改善。'],
  th: ['th', 'รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจในปีนี้'],
};

function documentOf(sentence: string, chars: number): string {
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
}

function measure(label: string, language: string, text: string, iterations: number): void {
  for (let i = 0; i < 20; i++) segmentForIndex(text, language);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) segmentForIndex(text, language);
  const ms = (performance.now() - start) / iterations;
  const mbPerS = text.length / 1e6 / (ms / 1000);
  console.log(
    `${label.padEnd(14)} ${String(text.length).padStart(6)} chars  ${ms.toFixed(4)} ms/doc  ` +
      `${Math.round(1000 / ms)} docs/s  ${mbPerS.toFixed(2)} Mchar/s`,
  );
}

for (const [name, [language, sentence]] of Object.entries(SAMPLES)) {
  for (const chars of [300, 3000]) {
    const iterations = name === 'en' ? 20000 : chars > 1000 ? 300 : 2000;
    measure(`${name} ${chars}`, language, documentOf(sentence, chars), iterations);
  }
}
