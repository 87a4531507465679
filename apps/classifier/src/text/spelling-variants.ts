/**
 * Letters written more than one way for the same name: Devanagari and Bengali nukta (न्यूज़ीलैंड,
 * न्यूजीलैंड), Arabic and Persian or Urdu letter forms (ي ی, ك ک, ه ہ), hamza on alif (إفريقيا,
 * أفريقيا), and vowel points (Arabic harakat, Hebrew niqqud, the tatweel).
 */
const SPELLING_VARIANTS =
  /\u093c|\u09bc|\u0a3c|[\u064b-\u065f]|\u0670|\u0640|[\u05b0-\u05c7]|[\u064a\u0649\u0643\u06c1\u06d5\u06c0\u0623\u0625\u0622\u0671]/g;
const FARSI_YEH = '\u06cc';
const KEHEH = '\u06a9';
const HEH = '\u0647';
const ALEF = '\u0627';
/** ي ى → ی, ك → ک, ہ ە ۀ → ه, أ إ آ ٱ → ا; the marks in SPELLING_VARIANTS are dropped. */
const SAME_LETTER: Record<string, string> = {
  '\u064a': FARSI_YEH,
  '\u0649': FARSI_YEH,
  '\u0643': KEHEH,
  '\u06c1': HEH,
  '\u06d5': HEH,
  '\u06c0': HEH,
  '\u0623': ALEF,
  '\u0625': ALEF,
  '\u0622': ALEF,
  '\u0671': ALEF,
};

/** Lower case with spelling variants folded (see SPELLING_VARIANTS). */
export function folded(word: string): string {
  const lower = word.toLowerCase();
  // Only words in Hebrew, Arabic or Indic letters have variants: most are returned at once.
  const first = lower.charCodeAt(0);
  if (first < 0x0590 || first > 0x0a7f) return lower;
  return lower.replace(SPELLING_VARIANTS, (letter) => SAME_LETTER[letter] ?? '');
}
