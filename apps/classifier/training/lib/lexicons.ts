import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { debianPackage, npmPackage } from './package-cache.js';

/**
 * A phrase of one language and its English counterpart: parallel text beside SIB-200's
 * sentences, so that words the 701 labelled sentences never use still align with English
 * words (and through them get GloVe's vectors).
 */
export interface PhrasePair {
  english: string;
  other: string;
}

/** Unicode CLDR's emoji keywords (Unicode-3.0 licence), one release for every language. */
export const CLDR_ANNOTATIONS_PACKAGE = 'cldr-annotations-full@48.2.0';

/** CLDR's locale for a code the classifier reports, where they differ. */
const CLDR_LOCALES: Record<string, string> = { nb: 'no' };

type Annotations = Record<string, { default?: string[]; tts?: string[] }>;

function emojiKeywords(locale: string): Map<string, string> {
  const root = npmPackage(CLDR_ANNOTATIONS_PACKAGE, 'cldr-annotations', '20 MB');
  const file = join(root, 'annotations', locale, 'annotations.json');
  if (!existsSync(file)) return new Map();
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    annotations: { annotations: Annotations };
  };
  return new Map(
    Object.entries(json.annotations.annotations).map(([emoji, a]) => [
      emoji,
      [...(a.tts ?? []), ...(a.default ?? [])].join(' ; '),
    ]),
  );
}

/**
 * Each emoji's keywords in the language beside its English ones: ⚽ "Ball, Bundesliga,
 * Fußball" / "ball, football, soccer"; 🗳 "Urne, Wahlen, Wahlzettel" / "ballot, box, vote".
 * 1,966 emoji for most of the 44 languages, many of them news words (hospital, medicine,
 * election, money, rocket, film) that SIB-200's sentences do not all use.
 */
export function emojiKeywordPairs(language: string): PhrasePair[] {
  const english = emojiKeywords('en');
  const pairs: PhrasePair[] = [];
  for (const [emoji, other] of emojiKeywords(CLDR_LOCALES[language] ?? language)) {
    const en = english.get(emoji);
    if (en) pairs.push({ english: en, other });
  }
  return pairs;
}

/** CLDR's unit and currency names, from the same release. */
export const CLDR_NAME_PACKAGES = [
  { spec: 'cldr-units-full@48.2.0', cache: 'cldr-units', file: 'units.json', size: '110 MB' },
  {
    spec: 'cldr-numbers-full@48.2.0',
    cache: 'cldr-numbers',
    file: 'currencies.json',
    size: '45 MB',
  },
];

/** Every string of a CLDR main file by its path, its placeholders ({0}) blanked. */
function cldrStrings(spec: string, cache: string, file: string, size: string, locale: string) {
  const path = join(npmPackage(spec, cache, size), 'main', locale, file);
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') out.set(key, value.replace(/\{\d\}/g, ' '));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(v, `${key}/${k}`);
  };
  const json = JSON.parse(readFileSync(path, 'utf8')) as { main: Record<string, unknown> };
  visit(Object.values(json.main)[0], '');
  return out;
}

/**
 * Unit and currency names in the language beside the English ones ("kilowattheure" /
 * "kilowatt-hour", "rouble russe" / "Russian ruble"): science and economy words.
 */
export function cldrNamePairs(language: string): PhrasePair[] {
  const locale = CLDR_LOCALES[language] ?? language;
  const pairs: PhrasePair[] = [];
  for (const { spec, cache, file, size } of CLDR_NAME_PACKAGES) {
    const english = cldrStrings(spec, cache, file, size, 'en');
    for (const [key, other] of cldrStrings(spec, cache, file, size, locale)) {
      const en = english.get(key);
      if (en && en !== other) pairs.push({ english: en, other });
    }
  }
  return pairs;
}

/**
 * WikDict's bilingual dictionaries drawn from Wiktionary (via DBnary), as FreeDict releases
 * them and Debian packages them: only the eight whose licence is CC BY-SA 3.0 (the model file
 * is CC BY-SA already, through SIB-200's text); the older FreeDict dictionaries for the other
 * languages are GPL and are not used.
 */
const WIKDICTS: Record<string, { pair: string; englishFirst: boolean }[]> = {
  bg: [{ pair: 'eng-bul', englishFirst: true }],
  el: [{ pair: 'ell-eng', englishFirst: false }],
  fi: [
    { pair: 'eng-fin', englishFirst: true },
    { pair: 'fin-eng', englishFirst: false },
  ],
  id: [{ pair: 'eng-ind', englishFirst: true }],
  nb: [{ pair: 'eng-nor', englishFirst: true }],
  pl: [{ pair: 'pol-eng', englishFirst: false }],
};

export const wikdictLanguages = (): string[] => Object.keys(WIKDICTS);

/** dictd's index numbers: base64 digits, most significant first. */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const dictdNumber = (digits: string): number =>
  [...digits].reduce((n, c) => n * 64 + BASE64.indexOf(c), 0);

/** Every headword with each of its translations, as (headword, translation) of `pair`. */
function dictdPairs(pair: string): { head: string; translation: string }[] {
  const root = debianPackage(`dict-freedict-${pair}`, 'freedict');
  const dir = join(root, 'usr', 'share', 'dictd');
  const dict = gunzipSync(readFileSync(join(dir, `freedict-${pair}.dict.dz`)));
  const index = readFileSync(join(dir, `freedict-${pair}.index`), 'utf8');
  const out: { head: string; translation: string }[] = [];
  for (const line of index.split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!length || headword.startsWith('00database')) continue;
    const start = dictdNumber(offset);
    out.push(...dictdEntry(dict.subarray(start, start + dictdNumber(length)).toString('utf8')));
  }
  return out;
}

/** The language's words with their English translations. */
export function wikdictPairs(language: string): PhrasePair[] {
  return (WIKDICTS[language] ?? []).flatMap(({ pair, englishFirst }) =>
    dictdPairs(pair).map(({ head, translation }) =>
      englishFirst ? { english: head, other: translation } : { english: translation, other: head },
    ),
  );
}

/** ISO 639-3 codes of the languages WikDict pairs among themselves. */
const WIKDICT_CODES: Record<string, string> = {
  bg: 'bul',
  de: 'deu',
  el: 'ell',
  es: 'spa',
  fi: 'fin',
  fr: 'fra',
  id: 'ind',
  it: 'ita',
  nb: 'nor',
  nl: 'nld',
  pl: 'pol',
  pt: 'por',
  ru: 'rus',
  sv: 'swe',
  tr: 'tur',
};

/** Whether WikDict gives the language English translations, directly or through a third language. */
export const hasDictionary = (language: string): boolean => language in WIKDICT_CODES;

/** The CC BY-SA WikDict pairs Debian packages (its copyright file) between those languages. */
const WIKDICT_PAIRS =
  `deu-bul deu-ell deu-fin deu-fra deu-ind deu-pol deu-rus deu-spa deu-swe ell-bul
  ell-fin ell-fra ell-ind ell-ita ell-nld ell-nor ell-pol ell-por ell-rus ell-spa ell-swe fin-bul
  fin-deu fin-ell fin-fra fin-ind fin-ita fin-nld fin-nor fin-pol fin-por fin-swe fra-bul fra-deu
  fra-ell fra-fin fra-ita fra-pol fra-por fra-rus fra-spa fra-swe fra-tur ita-bul ita-ell ita-fin
  ita-ind ita-nor ita-pol ita-por ita-rus ita-spa ita-swe ita-tur nld-bul nld-ell nld-fin nld-ind
  nld-ita nld-pol nld-por nld-rus nld-spa nld-swe pol-bul pol-deu pol-ell pol-fin pol-fra pol-ind
  pol-ita pol-nld pol-nor pol-por pol-rus pol-spa pol-swe pol-tur por-fra por-spa swe-bul swe-deu
  swe-ell swe-fin swe-fra swe-ita swe-nld swe-nor swe-pol swe-por swe-rus swe-spa swe-tur`
    .split(/\s+/)
    .filter(Boolean);

/** English translations kept per pivot word: the first ones listed, its commonest senses. */
const PIVOT_SENSES = 3;

const englishByPivot = new Map<string, Map<string, string[]>>();

function englishOf(pivot: string): Map<string, string[]> {
  let table = englishByPivot.get(pivot);
  if (table) return table;
  englishByPivot.set(pivot, (table = new Map()));
  for (const { english, other } of wikdictPairs(pivot)) {
    const key = other.toLowerCase();
    const senses = table.get(key) ?? [];
    if (senses.length < PIVOT_SENSES) table.set(key, [...senses, english]);
  }
  return table;
}

/**
 * English for the language's words through a third language: WikDict also pairs German,
 * French, Italian, Dutch, Portuguese, Spanish, Russian, Swedish and Turkish with the six
 * languages that have an English WikDict (Fußball → jalkapallo → football). Polysemy makes it
 * noisier than a direct dictionary; IBM Model 1 keeps the translations several paths agree on.
 */
export function wikdictPivotPairs(language: string): PhrasePair[] {
  const code = WIKDICT_CODES[language];
  if (!code) return [];
  const pivots = new Map(
    Object.entries(WIKDICT_CODES)
      .filter(([l]) => WIKDICTS[l] && l !== language)
      .map(([l, c]) => [c, l]),
  );
  const out: PhrasePair[] = [];
  for (const pair of WIKDICT_PAIRS) {
    const [a, b] = pair.split('-');
    if (a !== code && b !== code) continue;
    const pivot = pivots.get(a === code ? b : a);
    if (!pivot) continue;
    const english = englishOf(pivot);
    for (const { head, translation } of dictdPairs(pair)) {
      const [other, bridge] = a === code ? [head, translation] : [translation, head];
      for (const e of english.get(bridge.toLowerCase()) ?? []) out.push({ english: e, other });
    }
  }
  return out;
}

/**
 * An entry's text without a trailing sense number ("hudflette 2.") or the stress marks
 * Wiktionary writes on Russian and Bulgarian words (ветряна́я), which news text never writes.
 */
const plainEntryText = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\u0300\u0301]/g, '')
    .replace(/\s\d+\.$/, '')
    .trim();

/**
 * One dictd entry as FreeDict writes it: `headword /pronunciation/ <pos>`, then the
 * translations (comma-separated; one line per numbered sense `1. …`), each followed by a gloss
 * line, which is skipped.
 */
export function dictdEntry(entry: string): { head: string; translation: string }[] {
  const lines = entry.split('\n');
  const head = plainEntryText(
    lines[0]
      .replace(/\/+[^/]+\/+/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' '),
  );
  const out: { head: string; translation: string }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const numbered = /^\s*\d+\.\s*(.*)$/.exec(lines[i]);
    const text = numbered ? numbered[1] : i === 1 ? lines[i] : undefined;
    if (text === undefined) continue;
    for (const translation of plainEntryText(text).split(/,\s*/)) {
      if (translation.trim()) out.push({ head, translation: translation.trim() });
    }
  }
  return out;
}
