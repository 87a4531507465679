/**
 * ISO 639-1 code -> PostgreSQL 15 text search configuration (Snowball stemmers shipped with
 * the server: `select cfgname from pg_ts_config`). Languages without a stemmer, and all the
 * unspaced scripts (segmented beforehand, see segment.ts), use `simple`.
 */
const CONFIG_BY_LANGUAGE: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  lt: 'lithuanian',
  nb: 'norwegian',
  ne: 'nepali',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

export const SIMPLE_CONFIG = 'simple';

/** Every configuration regconfigFor can return, `simple` first. */
export const TEXT_SEARCH_CONFIGS: readonly string[] = [
  SIMPLE_CONFIG,
  ...new Set(Object.values(CONFIG_BY_LANGUAGE)),
];

/** Accepts BCP 47 tags too ("pt-BR", "zh_Hant"): only the primary subtag counts. */
export function primaryLanguage(language: string | null | undefined): string {
  if (!language) return '';
  return language.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
}

export function regconfigFor(language: string | null | undefined): string {
  return CONFIG_BY_LANGUAGE[primaryLanguage(language)] ?? SIMPLE_CONFIG;
}
