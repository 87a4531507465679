import type { LanguageGuess } from './detect.js';
import { areRelatives, canonicalLanguage } from './relatives.js';

/** Below this confidence the feed's declared language, when it has one, is taken instead. */
const FEED_LANGUAGE_FALLBACK = 0.6;

/** The primary subtag of a feed's language ('en-GB' -> 'en'), or undefined when it is none. */
export function declaredCode(feedLanguage: string | undefined): string | undefined {
  if (typeof feedLanguage !== 'string') return undefined;
  const primary = feedLanguage.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(primary)) return undefined;
  return canonicalLanguage(primary);
}

/**
 * The article's language from what the text says and what its feed declares: the detection,
 * unless it is unsure or names a close relative of the declared language (see relatives.ts).
 */
export function pickLanguage(detected: LanguageGuess, feedLanguage?: string): LanguageGuess {
  const declared = declaredCode(feedLanguage);
  if (!declared || detected.code === declared) return detected;
  if (!areRelatives(declared, detected.code) && detected.confidence >= FEED_LANGUAGE_FALLBACK)
    return detected;
  return {
    code: declared,
    confidence: Math.round(Math.max(0.3, detected.confidence) * 1000) / 1000,
  };
}
