/**
 * Hebrew and Arabic write prepositions, conjunctions and the article as letters glued to the
 * word they govern: בסין is "in China", ולבנון "and Lebanon", بنيوزيلندا "with New Zealand",
 * للصين "for China" (ل + الصين). A name is found inside such a word by trying it without one or
 * two of those letters.
 */
const HEBREW_PREFIX_LETTERS = new Set('ובהלמכש');
// ک too: names are matched with Arabic kaf folded to its Persian form (see name-index).
const ARABIC_PREFIX_LETTERS = new Set('وفبكکل');
const ARABIC_ARTICLE = 'ال';
/** Shorter rests are mostly ordinary words (לים: "to the sea"). */
const MIN_REST = 3;
const MAX_PREFIX = 2;

function withoutPrefixes(word: string, letters: Set<string>): string[] {
  const rests: string[] = [];
  for (let k = 1; k <= MAX_PREFIX && word.length - k >= MIN_REST; k++) {
    if (!letters.has(word[k - 1]!)) break;
    rests.push(word.slice(k));
  }
  return rests;
}

export function hebrewUnprefixed(word: string): string[] {
  return withoutPrefixes(word, HEBREW_PREFIX_LETTERS);
}

export function arabicUnprefixed(word: string): string[] {
  const rests = withoutPrefixes(word, ARABIC_PREFIX_LETTERS);
  // li + al- is written with one alif less: ل + الصين = للصين (also after و or ف: وللصين).
  const lam = word.indexOf('لل');
  if (lam >= 0 && lam <= 1 && (lam === 0 || 'وف'.includes(word[0]!))) {
    rests.push(ARABIC_ARTICLE + word.slice(lam + 2));
  }
  return rests.filter((rest) => rest.length >= MIN_REST);
}

/** The unprefix option of a language that glues its prepositions to names, if it does. */
export function unprefixFor(
  language: string | undefined,
): ((word: string) => string[]) | undefined {
  if (language === 'he') return hebrewUnprefixed;
  if (language === 'ar') return arabicUnprefixed;
  return undefined;
}
