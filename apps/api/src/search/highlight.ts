import { UNSPACED_LANGUAGES, segmentForIndex } from '#text';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ESCAPES[ch] as string);
}

/**
 * PostgreSQL's parser sees an unspaced run (Japanese, Chinese, Thai) as one word, so ts_headline
 * cannot mark a word inside it. For those languages, mark the query's segmented words directly.
 */
export function markUnspaced(
  highlighted: string | undefined,
  plain: string,
  language: string,
  terms: readonly string[],
): string | undefined {
  if (highlighted === undefined) return undefined;
  if (highlighted.includes('<mark>') || !UNSPACED_LANGUAGES.has(language)) return highlighted;
  const words = [
    ...new Set(terms.flatMap((term) => segmentForIndex(term, language).split(/\s+/))),
  ].filter((word) => word.length > 0);
  if (words.length === 0) return highlighted;
  const pattern = new RegExp(
    words
      .sort((a, b) => b.length - a.length)
      .map((word) => escapeHtml(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'gu',
  );
  return escapeHtml(plain).replace(pattern, (word) => `<mark>${word}</mark>`);
}
