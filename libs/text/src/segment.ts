import { primaryLanguage } from './regconfig.js';

/**
 * Scripts written without spaces between words. Each alternative is one script group, so a
 * Lao run followed directly by a Khmer run is segmented as two runs (ICU's dictionary
 * break iterator does not split at such a script change by itself). Han, Hiragana and
 * Katakana form one group: Japanese mixes them inside words. (A `v`-flag variant that cut runs
 * at punctuation was measured: no faster for CJK, 10x slower on the Latin fast path.)
 */
const UNSPACED_RUN =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]+|\p{scx=Thai}+|\p{scx=Lao}+|\p{scx=Khmer}+|\p{scx=Myanmar}+/gu;
const HAS_UNSPACED = new RegExp(UNSPACED_RUN.source, 'u');

export const UNSPACED_LANGUAGES: ReadonlySet<string> = new Set([
  'zh',
  'ja',
  'th',
  'lo',
  'km',
  'my',
]);

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

export function containsUnspacedScript(text: string): boolean {
  return HAS_UNSPACED.test(text);
}

function splitRun(run: string, segmenter: Intl.Segmenter): string {
  const words: string[] = [];
  for (const { segment } of segmenter.segment(run)) words.push(segment);
  return words.join(' ');
}

function isSpaceAt(text: string, index: number): boolean {
  return index < 0 || index >= text.length || /\s/.test(text[index] ?? '');
}

/**
 * Inserts spaces between the words of Chinese, Japanese, Thai, Lao, Khmer and Burmese text so
 * that PostgreSQL's parser (which splits on spaces and punctuation) sees one token per word.
 *
 * Segmentation is decided by script, not by the declared language: a query has no language,
 * and the query side must produce exactly the tokens the index side produced. `language`
 * only picks the segmenter's locale (ICU's dictionaries are per script, so it rarely matters).
 * Text in other scripts is returned unchanged, except that a space separates it from an
 * adjacent segmented run ("2020年" -> "2020 年").
 */
export function segmentForIndex(text: string, language?: string | null): string {
  if (!containsUnspacedScript(text)) return text;
  const primary = primaryLanguage(language);
  const segmenter = segmenterFor(UNSPACED_LANGUAGES.has(primary) ? primary : 'und');
  return text.replace(UNSPACED_RUN, (run: string, offset: number) => {
    const before = isSpaceAt(text, offset - 1) ? '' : ' ';
    const after = isSpaceAt(text, offset + run.length) ? '' : ' ';
    return before + splitRun(run, segmenter) + after;
  });
}
