import type { LanguageGuess } from './detect.js';

/** Below this confidence the feed's declared language, when it has one, is taken instead. */
const FEED_LANGUAGE_FALLBACK = 0.6;

/**
 * Languages close enough that a text tells them apart less surely than the publisher's
 * declaration does: within a group the feed's language wins at any confidence. Some members have
 * no model here (Slovak, Malay, Nynorsk, Bosnian, Macedonian, Galician, Afrikaans), and their
 * text reads as the group's other language, often with confidence.
 */
const SIBLING_GROUPS: readonly (readonly string[])[] = [
  ['da', 'nb', 'nn', 'no', 'sv'],
  ['hr', 'sr', 'bs', 'sh', 'cnr'],
  ['cs', 'sk'],
  ['id', 'ms'],
  ['bg', 'mk'],
  ['tr', 'az'],
  ['pt', 'gl'],
  ['nl', 'af'],
];

const groupOf = new Map(SIBLING_GROUPS.flatMap((group) => group.map((code) => [code, group])));

/** The primary subtag of a feed's language ('en-GB' -> 'en'), or undefined when it is none. */
function declaredCode(feedLanguage: string | undefined): string | undefined {
  if (typeof feedLanguage !== 'string') return undefined;
  const primary = feedLanguage.trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(primary ?? '') ? primary : undefined;
}

/**
 * The article's language from what the text says and what its feed declares: the detection,
 * unless it is unsure or names a close relative of the declared language.
 */
export function pickLanguage(detected: LanguageGuess, feedLanguage?: string): LanguageGuess {
  const declared = declaredCode(feedLanguage);
  if (!declared || detected.code === declared) return detected;
  const sibling = groupOf.get(declared)?.includes(detected.code) === true;
  if (!sibling && detected.confidence >= FEED_LANGUAGE_FALLBACK) return detected;
  return {
    code: declared,
    confidence: Math.round(Math.max(0.3, detected.confidence) * 1000) / 1000,
  };
}
