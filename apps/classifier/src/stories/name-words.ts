import { CASELESS_SCRIPT } from './caseless-scripts.js';
import { nameSkeleton } from './name-skeleton.js';

/** Words a fingerprint keeps: the first ones, where a news text names its people and places. */
const MAX_NAME_WORDS = 48;

/**
 * The skeletons (nameSkeleton) of a text's words in scripts without capital letters, where no
 * rule tells a name from another word: each may be a name, compared with the names other
 * articles' candidate names give. Distinct, in the order they first appear; words too short for
 * a skeleton are left out.
 */
export function nameWordsOf(text: string): string[] {
  if (!CASELESS_SCRIPT.test(text)) return [];
  const words = new Set<string>();
  for (const word of text.split(/[^\p{L}\p{M}]+/u)) {
    if (!CASELESS_SCRIPT.test(word)) continue;
    const skeleton = nameSkeleton(word.startsWith('ال') ? word.slice(2) : word);
    if (skeleton === undefined) continue;
    words.add(skeleton);
    if (words.size >= MAX_NAME_WORDS) break;
  }
  return [...words];
}
