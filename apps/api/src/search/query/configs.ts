import { regconfigFor, SIMPLE_CONFIG, TEXT_SEARCH_CONFIGS } from '#text';

/** The alphabet each stemmer works on; a stemmer leaves words of other scripts unchanged. */
const CONFIG_SCRIPTS: Readonly<Record<string, RegExp>> = {
  arabic: /\p{Script=Arabic}/u,
  armenian: /\p{Script=Armenian}/u,
  greek: /\p{Script=Greek}/u,
  hindi: /\p{Script=Devanagari}/u,
  nepali: /\p{Script=Devanagari}/u,
  russian: /\p{Script=Cyrillic}/u,
  serbian: /[\p{Script=Cyrillic}\p{Script=Latin}]/u,
  tamil: /\p{Script=Tamil}/u,
  yiddish: /\p{Script=Hebrew}/u,
};
const LATIN = /\p{Script=Latin}/u;

function appliesTo(config: string, text: string): boolean {
  if (config === SIMPLE_CONFIG) return true;
  return (CONFIG_SCRIPTS[config] ?? LATIN).test(text);
}

/**
 * Configurations to read a query in. With a `lang` filter: those languages' configurations
 * plus `simple` (used for languages without a stemmer). Without one: every configuration the
 * indexer may have used whose alphabet occurs in the query, so "выборы" is read by `simple`,
 * `russian` and `serbian` only, and a Japanese query by `simple` alone. Skipping the others
 * changes no result (their stemmers would leave the word as `simple` does) and keeps the
 * compiled tsquery small.
 */
export function searchConfigsFor(languages: readonly string[] = [], queryText = ''): string[] {
  if (languages.length > 0) return [...new Set([SIMPLE_CONFIG, ...languages.map(regconfigFor)])];
  return TEXT_SEARCH_CONFIGS.filter((config) => appliesTo(config, queryText));
}
