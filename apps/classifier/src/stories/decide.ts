import {
  MIN_PART_LETTERS,
  MIN_SPELLING_LETTERS,
  namedAgain,
  namesInWords,
  oneLetterApart,
  sameStem,
} from './name-match.js';
import { hammingDistance, minhashJaccard } from './similarity.js';

/** What the story logic needs of an article; the lead persists these next to the fingerprints. */
export interface StoryFingerprint {
  simhash: string;
  minhash: readonly number[];
  /** Epoch milliseconds (published, else ingested). */
  publishedAt: number;
  language?: string;
  countries?: readonly string[];
  cityIds?: readonly number[];
  /**
   * Canonical entity names (from the alias table) and other candidate names, as entityAnchor
   * gives them (one key for a name in Latin, Cyrillic, Greek, Georgian or Armenian script).
   */
  entities?: readonly string[];
  /** Distinctive figures (distinctiveNumbers): anchors like countries, never enough alone. */
  numbers?: readonly string[];
  /**
   * For a text in a script without capital letters, where no candidate names are found: its
   * words' skeletons (nameWordsOf), matched against the other article's entity names.
   */
  nameWords?: readonly string[];
  topics?: readonly string[];
}

export type StoryDecision = 'near-duplicate' | 'same-story' | 'unrelated';

export interface StoryLink {
  decision: StoryDecision;
  /** 0..1, higher is more certain that the two belong together. */
  score: number;
  reasons: string[];
}

export interface StoryPolicy {
  nearDuplicateWindowMs: number;
  storyWindowMs: number;
  nearDuplicateJaccard: number;
  nearDuplicateHamming: number;
  supportJaccard: number;
  minSharedAnchors: number;
  minAnchorOverlap: number;
}

export const DEFAULT_STORY_POLICY: StoryPolicy = {
  nearDuplicateWindowMs: 14 * 24 * 3600_000,
  storyWindowMs: 48 * 3600_000,
  nearDuplicateJaccard: 0.45,
  nearDuplicateHamming: 6,
  supportJaccard: 0.2,
  minSharedAnchors: 3,
  minAnchorOverlap: 0.5,
};

/**
 * Decides how a new article relates to one already stored: near-duplicate (same text, possibly
 * with boilerplate or light edits), same story (a rewrite or translation: same places, people and
 * organisations within the time window) or unrelated.
 */
export function decideStoryLink(
  candidate: StoryFingerprint,
  existing: StoryFingerprint,
  policy: StoryPolicy = DEFAULT_STORY_POLICY,
): StoryLink {
  const dt = Math.abs(candidate.publishedAt - existing.publishedAt);
  const timeKnown = Number.isFinite(dt);
  const jaccard = minhashJaccard(candidate.minhash, existing.minhash);
  const hamming = hammingDistance(candidate.simhash, existing.simhash);
  const reasons = [`jaccard=${jaccard.toFixed(2)}`, `hamming=${hamming}`];
  if (!timeKnown || dt <= policy.nearDuplicateWindowMs) {
    const textClose =
      jaccard >= policy.nearDuplicateJaccard ||
      (hamming <= policy.nearDuplicateHamming && jaccard >= policy.supportJaccard);
    if (textClose)
      return { decision: 'near-duplicate', score: Math.max(jaccard, 1 - hamming / 32), reasons };
  }
  if (timeKnown && dt > policy.storyWindowMs)
    return { decision: 'unrelated', score: 0, reasons: [...reasons, 'outside window'] };
  const anchors = anchorOverlap(candidate, existing);
  reasons.push(`anchors=${anchors.shared}/${anchors.union}`);
  const overlap = anchors.union ? anchors.shared / anchors.union : 0;
  const hasSpecific = anchors.sharedSpecific > 0;
  if (
    anchors.shared >= policy.minSharedAnchors &&
    overlap >= policy.minAnchorOverlap &&
    hasSpecific
  ) {
    return { decision: 'same-story', score: Math.min(1, overlap + jaccard), reasons };
  }
  return { decision: 'unrelated', score: overlap * 0.5, reasons };
}

/**
 * Places, entities and figures both name; cities and entities are "specific", countries and
 * figures are not.
 */
function anchorOverlap(
  a: StoryFingerprint,
  b: StoryFingerprint,
): { shared: number; union: number; sharedSpecific: number } {
  const namesA = entityNames(a);
  const namesB = entityNames(b);
  const specificA = specificAnchors(a, namesA);
  const specificB = specificAnchors(b, namesB);
  const generalA = generalAnchors(a);
  const generalB = generalAnchors(b);
  // Names one side spells out among words that could not be told from names on the other.
  const namedInA = namesInWords(a.nameWords, namesB, namesA);
  const namedInB = namesInWords(b.nameWords, namesA, namesB);
  const sharedSpecific =
    intersect(specificA, specificB) + partlyNamed(namesA, namesB) + namedInA + namedInB;
  const shared = sharedSpecific + intersect(generalA, generalB);
  // The smaller side: a translation or short rewrite names fewer things than the original.
  const union = Math.min(
    specificA.size - namedAgain(namesA) + generalA.size + namedInA,
    specificB.size - namedAgain(namesB) + generalB.size + namedInB,
  );
  return { shared, union, sharedSpecific };
}

/** Cities and entities (`names`, from entityNames): one of them must be shared for a story link. */
function specificAnchors(f: StoryFingerprint, names: Set<string>): Set<string> {
  return new Set([
    ...(f.cityIds ?? []).map((c) => `city:${c}`),
    ...[...names].map((name) => `entity:${name}`),
  ]);
}

/** Countries and figures: they count towards the shared anchors, never enough alone. */
function generalAnchors(f: StoryFingerprint): Set<string> {
  return new Set([
    ...(f.countries ?? []).map((c) => `country:${c}`),
    ...(f.numbers ?? []).map((n) => `number:${n}`),
  ]);
}

/** The entity names of a fingerprint in lower case, each once. */
function entityNames(f: StoryFingerprint): Set<string> {
  return new Set((f.entities ?? []).map((name) => name.toLowerCase()));
}

/**
 * Entities that are one name written two ways: in full on one side and by whole words of it on
 * the other (Alex Ovechkin, Ovechkin), or one letter apart in their skeletons (a romanisation's
 * difference: Robert Jefferson as "rbrt jfrsn" and "rbrt jfrsng"), or in two grammatical cases
 * (Невади, Nevada: sameStem). Names matched exactly are left to `intersect`, and each name pairs
 * once.
 */
function partlyNamed(namesA: Set<string>, namesB: Set<string>): number {
  const restB = [...namesB].filter((name) => !namesA.has(name));
  const paired = new Set<string>();
  let n = 0;
  for (const name of namesA) {
    if (namesB.has(name)) continue;
    const partner = restB.find((other) => !paired.has(other) && oneNameTwoWays(name, other));
    if (partner === undefined) continue;
    paired.add(partner);
    n++;
  }
  return n;
}

function oneNameTwoWays(a: string, b: string): boolean {
  return wordsWithin(a, b) || wordsWithin(b, a) || spelledApart(a, b) || sameStem(a, b);
}

/** `part`'s words, in order, inside the longer `whole`. */
function wordsWithin(part: string, whole: string): boolean {
  if (letters(part) < MIN_PART_LETTERS || part.length >= whole.length) return false;
  return ` ${whole} `.includes(` ${part} `);
}

/** One letter added, dropped or changed between two names of MIN_SPELLING_LETTERS or more. */
function spelledApart(a: string, b: string): boolean {
  return Math.min(letters(a), letters(b)) >= MIN_SPELLING_LETTERS && oneLetterApart(a, b);
}

function letters(name: string): number {
  return name.replace(/ /g, '').length;
}

function intersect(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
