import { LinearModel } from '../model/linear-model.js';
import { SECTION_SCORE, SectionNames } from './sections.js';
import { SubjectCues, type SubjectScore } from './subject-cues.js';
import { MEDTOP, SIB_TO_IPTC, Taxonomy } from './taxonomy.js';
import { TopicPieces } from './topic-pieces.js';
import { TopicVectors } from './topic-vectors.js';
import {
  DEFAULT_TOPIC_FEATURES,
  topicFeatures,
  topicSkeleton,
  type TopicFeatureConfig,
} from './features.js';

export const TOPIC_MODEL_FILE = 'topics.bin.gz';

/** Up to this many characters (a title, a sentence, a brief) one cue word names a subject. */
const SHORT_TEXT_CHARS = 300;

export interface TopicScore {
  code: string;
  label: string;
  score: number;
}

export interface TopicOptions {
  /** Topics scoring below this are left out (the best one is always kept when text exists). */
  minScore?: number;
}

export class TopicClassifier {
  private readonly scratch = { buf: new Uint32Array(16384) };
  private readonly minScore: number;
  readonly features: TopicFeatureConfig;

  constructor(
    readonly model: LinearModel,
    readonly taxonomy: Taxonomy,
    options: TopicOptions = {},
    readonly subjectCues?: SubjectCues,
    readonly sections?: SectionNames,
    readonly vectors?: TopicVectors,
    readonly pieces?: TopicPieces,
  ) {
    this.minScore = options.minScore ?? 0.2;
    if (vectors && vectors.labels.join() !== model.header.labels.join()) {
      throw new Error('topic vectors and topic model disagree on their labels');
    }
    if (pieces && pieces.labels.join() !== model.header.labels.join()) {
      throw new Error('topic pieces and topic model disagree on their labels');
    }
    const stored = model.header.meta?.features as Partial<TopicFeatureConfig> | undefined;
    this.features = { ...DEFAULT_TOPIC_FEATURES, ...stored };
  }

  static load(options?: TopicOptions): TopicClassifier {
    return new TopicClassifier(
      LinearModel.load(TOPIC_MODEL_FILE),
      Taxonomy.load(),
      options,
      SubjectCues.load(),
      SectionNames.load(),
      TopicVectors.loadIfPresent(),
      TopicPieces.loadIfPresent(),
    );
  }

  /**
   * Probability per SIB category (the model's own labels); `anchors` from topicAnchors(); the
   * language (the classifier's code) picks the word vectors mixed in, where it has them.
   */
  categories(text: string, anchors: readonly string[] = [], language = 'und'): Map<string, number> {
    return this.skeletonCategories(text, topicSkeleton(text), anchors, language);
  }

  /** `skeleton` is topicSkeleton(text): the n-gram model and word vectors read it, pieces the text. */
  private skeletonCategories(
    text: string,
    skeleton: string,
    anchors: readonly string[],
    language: string,
  ): Map<string, number> {
    const n = topicFeatures(skeleton, this.scratch, this.features, anchors);
    if (n === 0) return new Map();
    const ngram = this.model.probabilities(this.scratch.buf, n);
    const pooled = this.vectors ? this.vectors.combine(ngram, skeleton, language) : [...ngram];
    const probs = this.pieces ? this.pieces.mix(pooled, text) : pooled;
    return new Map(this.model.header.labels.map((l, i) => [l, probs[i]]));
  }

  bestCategory(
    text: string,
    anchors: readonly string[] = [],
    language = 'und',
  ): string | undefined {
    let best: string | undefined;
    let bestScore = -1;
    for (const [label, p] of this.categories(text, anchors, language)) {
      if (p > bestScore) [best, bestScore] = [label, p];
    }
    return best;
  }

  /**
   * IPTC Media Topics, best first: subject scores add up their categories' probabilities; the
   * subjects SIB-200 has no category for come from the language's cue words (see cueSubjects);
   * the feed's `categories` that are section names ("Sport", "Wirtschaft") name theirs.
   */
  topics(
    text: string,
    anchors: readonly string[] = [],
    language = 'und',
    title = '',
    categories: readonly string[] = [],
  ): TopicScore[] {
    const scores = new Map<string, number>();
    const skeleton = topicSkeleton(text);
    for (const [category, p] of this.skeletonCategories(text, skeleton, anchors, language)) {
      const mapping = SIB_TO_IPTC[category];
      if (!mapping) continue;
      scores.set(mapping.top, (scores.get(mapping.top) ?? 0) + p);
      if (mapping.narrow) scores.set(mapping.narrow, (scores.get(mapping.narrow) ?? 0) + p);
    }
    if (scores.size) {
      for (const { code, score } of this.cueSubjects(text, skeleton, language, title)) {
        scores.set(code, Math.max(scores.get(code) ?? 0, score));
      }
    }
    for (const code of this.sections?.subjects(categories) ?? []) {
      scores.set(code, Math.max(scores.get(code) ?? 0, SECTION_SCORE));
    }
    const ranked = [...scores]
      .map(([code, score]) => ({ code: MEDTOP + code, label: this.taxonomy.label(code), score }))
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
    return ranked
      .filter((t, i) => i === 0 || t.score >= this.minScore)
      .map((t) => ({ ...t, score: Math.round(t.score * 1000) / 1000 }));
  }

  /**
   * Cue-word subjects worth naming: one cue in a short text or in the title, two or more in an
   * article (a single "police" or "company" in 1,500 characters of body is usually in passing).
   */
  private cueSubjects(
    text: string,
    skeleton: string,
    language: string,
    title: string,
  ): SubjectScore[] {
    if (!this.subjectCues) return [];
    // The text starts with the title (classify() joins them so): its skeleton is a prefix.
    const titleEnd = title && text.startsWith(title) ? topicSkeleton(title).length - 1 : 0;
    const found = this.subjectCues.subjects(skeleton, language, titleEnd);
    if (skeleton.length <= SHORT_TEXT_CHARS) return found;
    return found.filter((s) => s.cues >= 2 || s.inTitle);
  }
}
