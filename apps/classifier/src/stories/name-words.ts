import { CASELESS_SCRIPT } from './caseless-scripts.js';
import { HANGUL, hangulToLatin } from './hangul.js';
import { KATAKANA_RUN, KATAKANA_WORD, katakanaToLatin } from './katakana.js';
import { nameSkeleton, ROUGH, roughSkeleton } from './name-skeleton.js';

/** Words a fingerprint keeps: the first ones, where a news text names its people and places. */
const MAX_NAME_WORDS = 48;
/** Characters read to find them (the title and the lead): splitting costs ~40 µs per 1,000. */
const MAX_CHARS_READ = 1500;
/** Spaces, digits, ASCII and these scripts' punctuation: cheaper to split on than \p{L}. */
const BETWEEN_WORDS = /[\s\d!-/:-@[-`{-~«»“”‘’„،؛؟।॥׳״–—…]+/;
/**
 * Skeletons of words already seen (null: none): a language's common words recur in every
 * article, and a skeleton costs microseconds. Emptied when full, which only costs time.
 */
const skeletons = new Map<string, string | null>();
const SKELETONS_REMEMBERED = 100_000;

/**
 * The skeletons (nameSkeleton) of a text's words in scripts without capital letters, where no
 * rule tells a name from another word: each may be a name, compared with the names other
 * articles' candidate names give. Japanese gives its katakana runs (its foreign names are
 * written in them) and Korean its words, both as rough skeletons (roughSkeleton). Distinct, in
 * the order they first appear; words too short for a skeleton are left out.
 */
export function nameWordsOf(text: string): string[] {
  const head = text.slice(0, MAX_CHARS_READ);
  const katakana = head.match(KATAKANA_RUN);
  if (!katakana && !CASELESS_SCRIPT.test(head) && !HANGUL.test(head)) return [];
  const words = new Set<string>();
  for (const word of katakana ?? head.split(BETWEEN_WORDS)) {
    const skeleton = skeletonOf(word);
    if (skeleton === null) continue;
    words.add(skeleton);
    if (words.size >= MAX_NAME_WORDS) break;
  }
  return [...words];
}

function skeletonOf(word: string): string | null {
  let skeleton = skeletons.get(word);
  if (skeleton !== undefined) return skeleton;
  skeleton = KATAKANA_WORD.test(word)
    ? roughly(nameSkeleton(katakanaToLatin(word)))
    : HANGUL.test(word)
      ? roughly(nameSkeleton(hangulToLatin(word)))
      : CASELESS_SCRIPT.test(word)
        ? (nameSkeleton(word.startsWith('ال') ? word.slice(2) : word) ?? null)
        : null;
  if (skeletons.size >= SKELETONS_REMEMBERED) skeletons.clear();
  skeletons.set(word, skeleton);
  return skeleton;
}

/** A rough skeleton (roughSkeleton), marked as one: Japanese and Korean words give these. */
function roughly(skeleton: string | undefined): string | null {
  return skeleton === undefined ? null : `${ROUGH}${roughSkeleton(skeleton)}`;
}
