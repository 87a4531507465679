import type { Classifier } from '../classify/classifier.js';
import { decideStoryLink, type StoryDecision } from '../stories/decide.js';
import { storyFingerprintOf } from '../stories/fingerprint-of.js';
import type { EvalPair, PairKind } from './near-dup-set.js';

export interface NearDupReport {
  precision: number;
  recall: number;
  byKind: Map<PairKind, Map<StoryDecision, number>>;
  sameTopicMerged: number;
  translationsLinked: number;
}

const POSITIVE: ReadonlySet<PairKind> = new Set(['repost', 'light-edit', 'rewrite']);

export function evaluateNearDuplicates(classifier: Classifier, pairs: EvalPair[]): NearDupReport {
  const byKind = new Map<PairKind, Map<StoryDecision, number>>();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const t = Date.UTC(2026, 0, 1);
  for (const pair of pairs) {
    const a = storyFingerprintOf(classifier.classify(pair.a), t);
    const b = storyFingerprintOf(classifier.classify(pair.b), t + 3600_000);
    const { decision } = decideStoryLink(b, a);
    const counts = byKind.get(pair.kind) ?? new Map<StoryDecision, number>();
    counts.set(decision, (counts.get(decision) ?? 0) + 1);
    byKind.set(pair.kind, counts);
    const positive = POSITIVE.has(pair.kind);
    if (decision === 'near-duplicate' && positive) tp++;
    else if (decision === 'near-duplicate') fp++;
    else if (positive) fn++;
  }
  const rate = (kind: PairKind, linked: (d: StoryDecision) => boolean): number => {
    const counts = byKind.get(kind);
    if (!counts) return 0;
    let total = 0;
    let hit = 0;
    for (const [d, n] of counts) {
      total += n;
      if (linked(d)) hit += n;
    }
    return total ? hit / total : 0;
  };
  return {
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    byKind,
    sameTopicMerged: rate('same-topic', (d) => d !== 'unrelated'),
    translationsLinked: rate('translation', (d) => d !== 'unrelated'),
  };
}
