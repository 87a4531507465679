export type Script =
  | 'Latin'
  | 'Cyrillic'
  | 'Arabic'
  | 'Greek'
  | 'Armenian'
  | 'Hebrew'
  | 'Georgian'
  | 'Hangul'
  | 'Thai'
  | 'Han'
  | 'Kana'
  | 'Devanagari'
  | 'Bengali'
  | 'Tamil'
  | 'Gujarati'
  | 'Gurmukhi'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam'
  | 'Sinhala'
  | 'Lao'
  | 'Tibetan'
  | 'Myanmar'
  | 'Ethiopic'
  | 'Khmer'
  | 'Other';

type Range = readonly [number, number, Script];

// Sorted, non-overlapping; binary-searched per code point.
const RANGES: readonly Range[] = [
  [0x41, 0x5a, 'Latin'],
  [0x61, 0x7a, 'Latin'],
  [0xaa, 0xaa, 'Latin'],
  [0xba, 0xba, 'Latin'],
  [0xc0, 0xd6, 'Latin'],
  [0xd8, 0xf6, 'Latin'],
  [0xf8, 0x24f, 'Latin'],
  [0x370, 0x3ff, 'Greek'],
  [0x400, 0x52f, 'Cyrillic'],
  [0x531, 0x58f, 'Armenian'],
  [0x591, 0x5ff, 'Hebrew'],
  [0x600, 0x6ff, 'Arabic'],
  [0x750, 0x77f, 'Arabic'],
  [0x8a0, 0x8ff, 'Arabic'],
  [0x900, 0x97f, 'Devanagari'],
  [0x980, 0x9ff, 'Bengali'],
  [0xa00, 0xa7f, 'Gurmukhi'],
  [0xa80, 0xaff, 'Gujarati'],
  [0xb80, 0xbff, 'Tamil'],
  [0xc00, 0xc7f, 'Telugu'],
  [0xc80, 0xcff, 'Kannada'],
  [0xd00, 0xd7f, 'Malayalam'],
  [0xd80, 0xdff, 'Sinhala'],
  [0xe00, 0xe7f, 'Thai'],
  [0xe80, 0xeff, 'Lao'],
  [0xf00, 0xfff, 'Tibetan'],
  [0x1000, 0x109f, 'Myanmar'],
  [0x10a0, 0x10ff, 'Georgian'],
  [0x1100, 0x11ff, 'Hangul'],
  [0x1200, 0x139f, 'Ethiopic'],
  [0x1780, 0x17ff, 'Khmer'],
  [0x1c90, 0x1cbf, 'Georgian'],
  [0x1e00, 0x1eff, 'Latin'],
  [0x1f00, 0x1fff, 'Greek'],
  [0x3040, 0x30ff, 'Kana'],
  [0x3130, 0x318f, 'Hangul'],
  [0x31f0, 0x31ff, 'Kana'],
  [0x3400, 0x4dbf, 'Han'],
  [0x4e00, 0x9fff, 'Han'],
  [0xac00, 0xd7af, 'Hangul'],
  [0xf900, 0xfaff, 'Han'],
  [0xfb1d, 0xfb4f, 'Hebrew'],
  [0xfb50, 0xfdff, 'Arabic'],
  [0xfe70, 0xfeff, 'Arabic'],
  [0xff21, 0xff3a, 'Latin'],
  [0xff41, 0xff5a, 'Latin'],
  [0xff66, 0xff9f, 'Kana'],
  [0x20000, 0x3134f, 'Han'],
];

export function scriptOf(codePoint: number): Script {
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end, script] = RANGES[mid];
    if (codePoint < start) hi = mid - 1;
    else if (codePoint > end) lo = mid + 1;
    else return script;
  }
  return 'Other';
}

export type ScriptCounts = Partial<Record<Script, number>>;

/** Counts letters per script; 'Other' only for letters outside the known ranges. */
export function countScripts(
  text: string,
  maxChars = 4000,
): { counts: ScriptCounts; letters: number } {
  const counts: ScriptCounts = {};
  let letters = 0;
  let seen = 0;
  for (const ch of text) {
    if (++seen > maxChars) break;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x41) continue;
    let script = scriptOf(cp);
    if (script === 'Other' && !/\p{L}/u.test(ch)) continue;
    if (script === 'Other' && cp === 0x30fc) script = 'Kana';
    counts[script] = (counts[script] ?? 0) + 1;
    letters++;
  }
  return { counts, letters };
}

export function dominantScript(counts: ScriptCounts): Script | undefined {
  let best: Script | undefined;
  let bestCount = 0;
  for (const [script, n] of Object.entries(counts) as [Script, number][]) {
    if (n > bestCount) {
      best = script;
      bestCount = n;
    }
  }
  return best;
}
