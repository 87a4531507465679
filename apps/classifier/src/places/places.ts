import { readModelJson } from '../model/paths.js';
import { NameIndex, nameKey, type MatchOptions, type NameMatch } from '../text/name-index.js';
import { unprefixFor } from '../text/glued-prefixes.js';
import { holds, inAnotherPlaceName } from './mention-filters.js';

export interface CountryHit {
  code: string;
  name: string;
  score: number;
}

export interface CityHit {
  geonameId: number;
  name: string;
  countryCode: string;
  score: number;
}

export interface Places {
  countries: CountryHit[];
  cities: CityHit[];
}

export interface CountryEntry {
  code: string;
  name: string;
  names: string[];
}

export interface CityEntry {
  id: number;
  name: string;
  country: string;
  population: number;
  names: string[];
}

export interface PlacesFile {
  countries: CountryEntry[];
  cities: CityEntry[];
}

export type Place = { kind: 'country'; entry: CountryEntry } | { kind: 'city'; entry: CityEntry };

/** Languages that decline place names (Казахстана, Kazakstanissa, Kazakistan'da). */
export const INFLECTING_LANGUAGES = new Set([
  'ru',
  'uk',
  'be',
  'bg',
  'sr',
  'kk',
  'ky',
  'tg',
  'pl',
  'cs',
  'sk',
  'sl',
  'hr',
  'bs',
  'fi',
  'et',
  'hu',
  'tr',
  'az',
  'uz',
  'lt',
  'lv',
  'ro',
  'el',
  'ka',
  'hy',
  'bn',
]);

/** Languages whose place names take a genitive -s and nothing else (Kasachstans, Kazakstans). */
export const GENITIVE_S_LANGUAGES = new Set(['de', 'lb', 'sv', 'da', 'nb', 'nn', 'no', 'is']);

const TITLE_WEIGHT = 2;
const CITY_CONTEXT_WEIGHT = 0.5;

function matchOptions(language: string | undefined): MatchOptions {
  if (!language) return {};
  if (INFLECTING_LANGUAGES.has(language)) return { inflect: true };
  if (GENITIVE_S_LANGUAGES.has(language)) return { inflect: true, onlySuffix: 's' };
  const unprefix = unprefixFor(language);
  return unprefix ? { unprefix } : {};
}

/** A place name as written in a text, with every place it may name (Paris FR, Paris US). */
export interface PlaceMention {
  start: number;
  end: number;
  surface: string;
  places: Place[];
}

/**
 * Names that hold a place name without naming the place: Vladimir Putin, the Shanghai
 * Cooperation Organisation (the alias table of entities).
 */
export interface LongerNames {
  spansIn(text: string, language?: string): { start: number; end: number }[];
}

/** Per language, names that are mostly ordinary words there (see build-place-ambiguity). */
export type AmbiguousNames = Record<string, string[]>;

const ENGLISH_REGION_NAMES = new Intl.DisplayNames('en', { type: 'region' });

export class PlaceRecognizer {
  private readonly index = new NameIndex<Place>();
  private readonly ambiguous: Map<string, Set<string>>;
  private longerNames?: LongerNames;

  constructor(data: PlacesFile, ambiguous: AmbiguousNames = {}) {
    const countryKeys = new Set<string>();
    for (const entry of data.countries) {
      for (const name of entry.names) {
        this.index.add(name, { kind: 'country', entry });
        countryKeys.add(nameKey(name));
      }
    }
    for (const entry of data.cities) {
      // A city named like a country (Mexico, Singapore, Kuwait) is read as the country.
      for (const name of entry.names) {
        if (!countryKeys.has(nameKey(name))) this.index.add(name, { kind: 'city', entry });
      }
    }
    this.ambiguous = new Map(
      Object.entries(ambiguous).map(([lang, names]) => [lang, new Set(names)]),
    );
  }

  static load(): PlaceRecognizer {
    return new PlaceRecognizer(readPlacesFile(), readAmbiguousNames());
  }

  /** From now on, a place name inside one of these names is not a mention of the place. */
  ignoreInside(names: LongerNames): this {
    this.longerNames = names;
    return this;
  }

  /**
   * The place names in `text`, but for those that are mostly ordinary words in `language`
   * (Indonesian Anda "you", Portuguese Os "the", Hebrew במקום "instead") and those inside
   * longer names (see ignoreInside).
   */
  mentions(text: string, language?: string): PlaceMention[] {
    const ordinary = language ? this.ambiguous.get(language) : undefined;
    const longer = this.longerNames?.spansIn(text, language) ?? [];
    return groupBySpan(this.index.match(text, matchOptions(language))).filter(
      (m) =>
        !ordinary?.has(nameKey(m.surface)) &&
        !longer.some((name) => holds(name, m)) &&
        !inAnotherPlaceName(m, text),
    );
  }

  /** `spans` (optional) receives the character spans of the place names found in `text`. */
  recognize(
    title: string,
    text: string,
    language?: string,
    spans?: { start: number; end: number }[],
  ): Places {
    // The text last: the entities are looked for in it next, and the alias index keeps its last.
    const titleMentions = this.mentions(title, language);
    const textMentions = this.mentions(text, language);
    spans?.push(...textMentions.map(({ start, end }) => ({ start, end })));
    const weighted: { mentions: PlaceMention[]; weight: number }[] = [
      { mentions: titleMentions, weight: TITLE_WEIGHT },
      { mentions: textMentions, weight: 1 },
    ];
    const countries = new Map<string, { entry: CountryEntry | undefined; weight: number }>();
    const citySpans: { candidates: CityEntry[]; weight: number }[] = [];
    for (const { mentions, weight } of weighted) {
      for (const { places } of mentions) {
        const country = places.find((p) => p.kind === 'country');
        if (country?.kind === 'country')
          addCountry(countries, country.entry.code, country.entry, weight);
        else citySpans.push({ candidates: places.map((p) => p.entry as CityEntry), weight });
      }
    }
    const cities = new Map<number, { entry: CityEntry; weight: number }>();
    for (const { candidates, weight } of citySpans) {
      const entry = pickCity(candidates, countries);
      const hit = cities.get(entry.id) ?? { entry, weight: 0 };
      hit.weight += weight;
      cities.set(entry.id, hit);
    }
    for (const { entry, weight } of cities.values()) {
      addCountry(countries, entry.country, undefined, weight * CITY_CONTEXT_WEIGHT);
    }
    return {
      countries: [...countries]
        .map(([code, c]) => ({
          code,
          name: c.entry?.name ?? this.countryName(code),
          score: toScore(c.weight),
        }))
        .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)),
      cities: [...cities.values()]
        .map(({ entry, weight }) => ({
          geonameId: entry.id,
          name: entry.name,
          countryCode: entry.country,
          score: toScore(weight),
        }))
        .sort((a, b) => b.score - a.score || a.geonameId - b.geonameId),
    };
  }

  private countryName(code: string): string {
    try {
      return ENGLISH_REGION_NAMES.of(code) ?? code;
    } catch {
      return code;
    }
  }
}

/** Same-span matches are alternatives for one mention (Paris FR vs Paris US). */
function groupBySpan(matches: NameMatch<Place>[]): PlaceMention[] {
  const groups = new Map<string, PlaceMention>();
  for (const m of matches) {
    const key = `${m.start}:${m.end}`;
    const group = groups.get(key);
    if (group) group.places.push(m.value);
    else groups.set(key, { start: m.start, end: m.end, surface: m.surface, places: [m.value] });
  }
  return [...groups.values()];
}

/** Prefer a candidate in a country the article mentions, then the most populous. */
function pickCity(candidates: CityEntry[], countries: Map<string, unknown>): CityEntry {
  const inContext = candidates.filter((c) => countries.has(c.country));
  const pool = inContext.length ? inContext : candidates;
  return pool.reduce((best, c) => (c.population > best.population ? c : best));
}

function addCountry(
  map: Map<string, { entry: CountryEntry | undefined; weight: number }>,
  code: string,
  entry: CountryEntry | undefined,
  weight: number,
): void {
  const hit = map.get(code) ?? { entry, weight: 0 };
  hit.entry ??= entry;
  hit.weight += weight;
  map.set(code, hit);
}

function toScore(weight: number): number {
  return Math.round((1 - Math.exp(-weight / 2)) * 1000) / 1000;
}

export const PLACE_AMBIGUITY_FILE = 'place-ambiguity.json';

export function readPlacesFile(): PlacesFile {
  return readModelJson<PlacesFile>('places.json');
}

function readAmbiguousNames(): AmbiguousNames {
  return readModelJson<{ names: AmbiguousNames }>(PLACE_AMBIGUITY_FILE).names;
}
