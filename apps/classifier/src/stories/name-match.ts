import { ROUGH, roughSkeleton } from './name-skeleton.js';

/** Letters (spaces aside) a part must have to stand for the whole name. */
export const MIN_PART_LETTERS = 4;
/** Letters both names must have before one letter's difference is read as a spelling. */
export const MIN_SPELLING_LETTERS = 6;
/** Letters an ending may add to a word of a name (Bengali ওভেচকিনের, Ovechkin's). */
const MAX_ENDING_LETTERS = 2;

/** The words of an entity name (as entityAnchor gives it) long enough to stand for it. */
export function namePartsOf(name: string): string[] {
  return name.split(' ').filter((part) => part.length >= MIN_PART_LETTERS);
}

/** One letter added, dropped or changed between `a` and `b` (at most one: equal ones too). */
export function oneLetterApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * A text's name words (nameWordsOf), indexed once for the names of the many articles it is
 * compared with: a name's word is among them as it is, with an ending, or a letter apart.
 */
class NameWordIndex {
  private readonly exact: Set<string>;
  private readonly withoutEnding = new Set<string>();
  private readonly byLength = new Map<number, string[]>();

  /** Whether the words are rough skeletons (Japanese, Korean), which names meet roughly. */
  private readonly rough: boolean;

  constructor(words: readonly string[]) {
    this.exact = new Set(words);
    this.rough = words.some((word) => word.startsWith(ROUGH));
    for (const word of words) {
      for (let cut = 1; cut <= MAX_ENDING_LETTERS; cut++) {
        if (word.length - cut > MIN_PART_LETTERS) this.withoutEnding.add(word.slice(0, -cut));
      }
      if (word.length < MIN_SPELLING_LETTERS) continue;
      const same = this.byLength.get(word.length) ?? [];
      same.push(word);
      this.byLength.set(word.length, same);
    }
  }

  has(part: string): boolean {
    if (this.exact.has(part) || this.withoutEnding.has(part)) return true;
    if (this.rough) {
      const rough = `${ROUGH}${roughSkeleton(part)}`;
      if (this.exact.has(rough) || this.withoutEnding.has(rough)) return true;
    }
    if (part.length < MIN_SPELLING_LETTERS) return false;
    for (let length = part.length - 1; length <= part.length + 1; length++) {
      if (this.byLength.get(length)?.some((word) => oneLetterApart(word, part))) return true;
    }
    return false;
  }
}

const indexes = new WeakMap<readonly string[], NameWordIndex>();

/**
 * How many of `names` (the other article's entity names, less those `own` names too) have a
 * word among `words`.
 */
export function namesInWords(
  words: readonly string[] | undefined,
  names: Set<string>,
  own: Set<string>,
): number {
  if (!words?.length || names.size === 0) return 0;
  let index = indexes.get(words);
  if (!index) {
    index = new NameWordIndex(words);
    indexes.set(words, index);
  }
  let n = 0;
  for (const name of names) {
    if (own.has(name)) continue;
    if (namePartsOf(name).some((part) => index.has(part))) n++;
  }
  return n;
}

/** Letters two names must share from their start before differing endings make them one. */
const MIN_STEM_LETTERS = 4;

/**
 * How many of one article's `names` repeat an earlier one with another ending, the same thing
 * named in two grammatical cases (Землі, Землю; Фаллуджі, Фаллуджу): counted once, an inflected
 * language's article does not seem to name more things than its translation.
 */
export function namedAgain(names: Iterable<string>): number {
  const first: string[] = [];
  let again = 0;
  for (const name of names) {
    if (first.some((other) => sameStem(name, other))) again++;
    else first.push(name);
  }
  return again;
}

/** Four or more letters in common from the start, then endings of two letters or fewer. */
export function sameStem(a: string, b: string): boolean {
  let stem = 0;
  while (stem < a.length && stem < b.length && a[stem] === b[stem]) stem++;
  return (
    stem >= MIN_STEM_LETTERS &&
    a.length - stem <= MAX_ENDING_LETTERS &&
    b.length - stem <= MAX_ENDING_LETTERS
  );
}
