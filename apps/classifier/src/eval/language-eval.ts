import type { LanguageDetector } from '../language/detect.js';
import { canonicalLanguage } from '../language/relatives.js';

export interface LabelledText {
  text: string;
  language: string;
  group: string;
}

export interface AccuracyReport {
  accuracy: number;
  total: number;
  perGroup: Map<string, { correct: number; total: number }>;
  confusions: Map<string, number>;
}

/** Norwegian: SIB's nob is Bokmål; 'no' (macro) and 'nb' are accepted as the same answer. */
export function sameLanguage(predicted: string, gold: string): boolean {
  return canonicalLanguage(predicted) === canonicalLanguage(gold);
}

export function evaluateLanguage(
  detector: Pick<LanguageDetector, 'detect'>,
  items: LabelledText[],
): AccuracyReport {
  const perGroup = new Map<string, { correct: number; total: number }>();
  const confusions = new Map<string, number>();
  let correct = 0;
  for (const item of items) {
    const predicted = detector.detect(item.text).code;
    const ok = sameLanguage(predicted, item.language);
    const g = perGroup.get(item.group) ?? { correct: 0, total: 0 };
    g.total++;
    if (ok) {
      g.correct++;
      correct++;
    } else {
      const key = `${item.language}->${predicted}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    perGroup.set(item.group, g);
  }
  return {
    accuracy: items.length ? correct / items.length : 0,
    total: items.length,
    perGroup,
    confusions,
  };
}
