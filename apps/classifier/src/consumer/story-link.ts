import type { Classification } from '../classify/classifier.js';
import {
  decideStoryLink,
  DEFAULT_STORY_POLICY,
  type StoryDecision,
  type StoryFingerprint,
  type StoryPolicy,
} from '../stories/decide.js';
import { storyFingerprintOf } from '../stories/fingerprint-of.js';
import { namePartsOf } from '../stories/name-match.js';
import { entityAnchor, ROUGH, roughSkeleton } from '../stories/name-skeleton.js';
import type { StoredFingerprint } from './enrichment-store.js';

const COUNTRY = 'c:';
const CITY = 'g:';
const ENTITY = 'e:';
const NUMBER = 'n:';
/** A word of a text in a script without capital letters (nameWordsOf). */
const WORD = 'w:';
/** A lookup key only: a word of an entity name, which such a word can name (namePartsOf). */
const NAME_PART = 'p:';

/**
 * Places, canonical entities and distinctive figures: what translations and rewrites of one
 * event share. Figures come last, so they are the first left out of a long list.
 */
export function storyKeysOf(result: Classification): string[] {
  const keys = [
    ...result.places.countries.map((country) => `${COUNTRY}${country.code}`),
    ...result.places.cities.map((city) => `${CITY}${city.geonameId}`),
    ...result.entities.map((entity) => `${ENTITY}${entityAnchor(entity.canonical ?? entity.name)}`),
    ...result.numbers.map((figure) => `${NUMBER}${figure}`),
    ...result.nameWords.map((word) => `${WORD}${word}`),
  ];
  return [...new Set(keys)].slice(0, 64);
}

/**
 * The keys a stored article is looked up by: a story link needs a shared city or entity
 * (decideStoryLink), so a country or a figure alone never links two articles, while looking up
 * by one ('c:us') would read most of the window's articles for every new one. Besides its
 * cities and entities: the words of its entity names and of a text without capital letters,
 * which meet each other (see candidateKeysOf).
 */
export function linkingKeysOf(storyKeys: readonly string[]): string[] {
  const keys = storyKeys.filter(
    (key) => key.startsWith(CITY) || key.startsWith(ENTITY) || key.startsWith(WORD),
  );
  const parts = keys
    .filter((key) => key.startsWith(ENTITY))
    .flatMap((key) =>
      namePartsOf(key.slice(ENTITY.length)).flatMap((part) => [
        `${NAME_PART}${part}`,
        `${NAME_PART}${ROUGH}${roughSkeleton(part)}`,
      ]),
    );
  return [...new Set([...keys, ...parts])];
}

/**
 * What a new article looks stored ones up by: its linking keys, a text's words looking for
 * names' words and names' words for such texts' words. Two texts without capital letters never
 * meet by their words (common words would find most of the window), nor two names by a word.
 */
export function candidateKeysOf(linkingKeys: readonly string[]): string[] {
  return linkingKeys.map((key) =>
    key.startsWith(WORD)
      ? `${NAME_PART}${key.slice(WORD.length)}`
      : key.startsWith(NAME_PART)
        ? `${WORD}${key.slice(NAME_PART.length)}`
        : key,
  );
}

/** The story fingerprint of a stored enrichment, rebuilt from its persisted columns. */
export function fingerprintOfStored(stored: StoredFingerprint): StoryFingerprint {
  const countries: string[] = [];
  const cityIds: number[] = [];
  const entities: string[] = [];
  const numbers: string[] = [];
  const nameWords: string[] = [];
  for (const key of stored.storyKeys) {
    if (key.startsWith(COUNTRY)) countries.push(key.slice(COUNTRY.length));
    else if (key.startsWith(CITY)) cityIds.push(Number(key.slice(CITY.length)));
    else if (key.startsWith(ENTITY)) entities.push(key.slice(ENTITY.length));
    else if (key.startsWith(NUMBER)) numbers.push(key.slice(NUMBER.length));
    else if (key.startsWith(WORD)) nameWords.push(key.slice(WORD.length));
  }
  return {
    simhash: stored.simhash,
    // PostgreSQL integer[] is signed; the MinHash values are unsigned 32-bit.
    minhash: (stored.minhash ?? []).map((value) => value >>> 0),
    publishedAt: stored.publishedAt.getTime(),
    countries,
    cityIds,
    entities,
    numbers,
    nameWords,
  };
}

export interface StoryChoice {
  storyId: string;
  nearDuplicateOf: string | null;
  decision: StoryDecision;
  /** The stored article the decision was made against, when linked. */
  linkedTo: string | null;
}

interface Scored {
  candidate: StoredFingerprint;
  decision: StoryDecision;
  score: number;
}

const RANK: Record<StoryDecision, number> = { 'near-duplicate': 2, 'same-story': 1, unrelated: 0 };

/**
 * Links a new article to the best stored candidate with the library's story decision: a
 * near-duplicate beats a same-story link, then the higher score, then the earlier article (the
 * original). Near-duplicates point at the original they repeat and share its story.
 */
export function chooseStory(
  articleId: string,
  result: Classification,
  publishedAt: Date,
  candidates: StoredFingerprint[],
  policy: StoryPolicy = DEFAULT_STORY_POLICY,
): StoryChoice {
  const self = storyFingerprintOf(result, publishedAt.getTime());
  let best: Scored | undefined;
  for (const candidate of candidates) {
    if (candidate.articleId === articleId) continue;
    const link = decideStoryLink(self, fingerprintOfStored(candidate), policy);
    if (link.decision === 'unrelated') continue;
    const scored = { candidate, decision: link.decision, score: link.score };
    if (!best || better(scored, best)) best = scored;
  }
  if (!best)
    return { storyId: articleId, nearDuplicateOf: null, decision: 'unrelated', linkedTo: null };
  const { candidate, decision } = best;
  const original = candidate.nearDuplicateOf ?? candidate.articleId;
  return {
    storyId: candidate.storyId ?? candidate.articleId,
    // On a replay the original meets its own reposts: it stays the original.
    nearDuplicateOf: decision === 'near-duplicate' && original !== articleId ? original : null,
    decision,
    linkedTo: candidate.articleId,
  };
}

function better(a: Scored, b: Scored): boolean {
  if (RANK[a.decision] !== RANK[b.decision]) return RANK[a.decision] > RANK[b.decision];
  if (a.score !== b.score) return a.score > b.score;
  const dt = a.candidate.publishedAt.getTime() - b.candidate.publishedAt.getTime();
  return dt !== 0 ? dt < 0 : a.candidate.articleId < b.candidate.articleId;
}
