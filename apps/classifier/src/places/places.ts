import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../model/paths.js';
import { NameIndex, nameKey, type MatchOptions, type NameMatch } from '../text/name-index.js';

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

interface CountryEntry {
  code: string;
  name: string;
  names: string[];
}

interface CityEntry {
  id: number;
  name: string;
  country: string;
  population: number;
  names: string[];
}

interface PlacesFile {
  countries: CountryEntry[];
  cities: CityEntry[];
}

type Place = { kind: 'country'; entry: CountryEntry } | { kind: 'city'; entry: CityEntry };

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
]);

/** Languages whose place names take a genitive -s and nothing else (Kasachstans, Kazakstans). */
export const GENITIVE_S_LANGUAGES = new Set(['de', 'lb', 'sv', 'da', 'nb', 'nn', 'no', 'is']);

const TITLE_WEIGHT = 2;
const CITY_CONTEXT_WEIGHT = 0.5;

function matchOptions(language: string | undefined): MatchOptions {
  if (!language) return {};
  if (INFLECTING_LANGUAGES.has(language)) return { inflect: true };
  if (GENITIVE_S_LANGUAGES.has(language)) return { inflect: true, onlySuffix: 's' };
  return {};
}

export class PlaceRecognizer {
  private readonly index = new NameIndex<Place>();

  constructor(data: PlacesFile) {
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
  }

  static load(): PlaceRecognizer {
    const file = join(modelsDir(), 'places.json');
    return new PlaceRecognizer(JSON.parse(readFileSync(file, 'utf8')) as PlacesFile);
  }

  /** `spans` (optional) receives the character spans of the place names found in `text`. */
  recognize(
    title: string,
    text: string,
    language?: string,
    spans?: { start: number; end: number }[],
  ): Places {
    const inflect = matchOptions(language);
    const textMatches = this.index.match(text, inflect);
    spans?.push(...textMatches.map(({ start, end }) => ({ start, end })));
    const weighted: { matches: NameMatch<Place>[]; weight: number }[] = [
      { matches: this.index.match(title, inflect), weight: TITLE_WEIGHT },
      { matches: textMatches, weight: 1 },
    ];
    const countries = new Map<string, { entry: CountryEntry | undefined; weight: number }>();
    const citySpans: { candidates: CityEntry[]; weight: number }[] = [];
    for (const { matches, weight } of weighted) {
      for (const group of groupBySpan(matches)) {
        const country = group.find((p) => p.kind === 'country');
        if (country?.kind === 'country')
          addCountry(countries, country.entry.code, country.entry, weight);
        else citySpans.push({ candidates: group.map((p) => p.entry as CityEntry), weight });
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
      return new Intl.DisplayNames('en', { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }
}

/** Same-span matches are alternatives for one mention (Paris FR vs Paris US). */
function groupBySpan(matches: NameMatch<Place>[]): Place[][] {
  const groups = new Map<string, Place[]>();
  for (const m of matches) {
    const key = `${m.start}:${m.end}`;
    groups.set(key, [...(groups.get(key) ?? []), m.value]);
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
