/**
 * Languages close enough that a short text tells them apart less surely than the publisher's
 * declaration does. Each group lists first the members this classifier has models and cue words
 * for, best first: the others (Nynorsk, Bosnian, Slovak, Malay, Macedonian, Galician, Afrikaans)
 * borrow the first one's cue words, and their text reads as it.
 */
const RELATIVE_GROUPS: readonly (readonly string[])[] = [
  ['nb', 'da', 'sv', 'nn', 'no'],
  ['hr', 'sr', 'bs', 'sh', 'cnr'],
  ['cs', 'sk'],
  ['id', 'ms'],
  ['bg', 'mk'],
  ['tr', 'az'],
  ['pt', 'gl'],
  ['nl', 'af'],
];

const groupOf = new Map(RELATIVE_GROUPS.flatMap((group) => group.map((code) => [code, group])));

/** A language's close relatives in their group's order (none for most languages). */
export function relativesOf(code: string): readonly string[] {
  return groupOf.get(code)?.filter((relative) => relative !== code) ?? [];
}

export function areRelatives(a: string, b: string): boolean {
  return a !== b && groupOf.get(a)?.includes(b) === true;
}

/** Norwegian without a written standard is Bokmål, as the models and most Norwegian news are. */
const SAME_AS: Readonly<Record<string, string>> = { no: 'nb' };

/** The code this classifier gives a language that has two ('no' is 'nb'). */
export function canonicalLanguage(code: string): string {
  return SAME_AS[code] ?? code;
}
