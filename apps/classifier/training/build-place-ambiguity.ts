/**
 * Finds, per language, place names that are mostly ordinary words there (Indonesian Anda "you",
 * Portuguese Os "the", Finnish Jos "if", Belarusian Калі "if", Hebrew במקום "instead") and writes
 * apps/classifier/models/place-ambiguity.json, which the recognizer then ignores in that language.
 * SIB-200 is parallel: a name found in a sentence whose English translation names none of its
 * places is a false mention. A name is ambiguous in a language when most of its mentions in
 * SIB-200 train are false (at least MIN_FALSE of them). Dev is left for measuring
 * (npm run eval:classifier prints agreement with the English sentences).
 *   npx tsx apps/classifier/training/build-place-ambiguity.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../src/model/paths.js';
import {
  PLACE_AMBIGUITY_FILE,
  PlaceRecognizer,
  readPlacesFile,
  type PlaceMention,
} from '../src/places/places.js';
import { nameKey } from '../src/text/name-index.js';
import { readSib } from './lib/sib.js';

const MIN_FALSE = 2;
/** False mentions must outnumber true ones this many times. */
const FALSE_TO_TRUE = 3;

const recognizer = new PlaceRecognizer(readPlacesFile());
const rows = readSib('train');
interface English {
  countries: Set<string>;
  cities: Set<number>;
  words: string[];
}

const english = new Map<number, English>();
for (const row of rows) {
  if (row.language !== 'en') continue;
  const places = recognizer.recognize('', row.text, 'en');
  english.set(row.id, {
    countries: new Set(places.countries.map((c) => c.code)),
    cities: new Set(places.cities.map((c) => c.geonameId)),
    words: nameKey(row.text).split(' '),
  });
}

function isTrue(mention: PlaceMention, sibling: English): boolean {
  return mention.places.some((place) =>
    place.kind === 'country'
      ? sibling.countries.has(place.entry.code)
      : sibling.cities.has(place.entry.id) || sibling.countries.has(place.entry.country),
  );
}

/**
 * Mentions the English sentence accounts for without naming the place: a demonym (Cuban for
 * Cuba, Chinese for 中国: a word sharing the English name's first four letters), or the very
 * word in a name the English recognizer reads otherwise (Danielle, Serengeti). Neither true nor
 * false.
 */
function isExplained(mention: PlaceMention, sibling: English): boolean {
  const surface = nameKey(mention.surface);
  if (sibling.words.includes(surface)) return true;
  return mention.places.some((place) => {
    const head = nameKey(place.entry.name).slice(0, 4);
    return head.length === 4 && sibling.words.some((word) => word.startsWith(head));
  });
}

const counts = new Map<string, Map<string, { false: number; true: number }>>();
for (const row of rows) {
  const sibling = english.get(row.id);
  if (row.language === 'en' || !sibling) continue;
  const perLanguage = counts.get(row.language) ?? new Map();
  counts.set(row.language, perLanguage);
  for (const mention of recognizer.mentions(row.text, row.language)) {
    if (isExplained(mention, sibling) && !isTrue(mention, sibling)) continue;
    const key = nameKey(mention.surface);
    const count = perLanguage.get(key) ?? { false: 0, true: 0 };
    count[isTrue(mention, sibling) ? 'true' : 'false']++;
    perLanguage.set(key, count);
  }
}

/**
 * Whether the name may be a country's: those are kept even where SIB-200 reads them otherwise
 * (中国 and 中國 for "Chinese", Britannian for "British"): a country named in an article matters
 * more than the rare ordinary word spelled like it (Korean 수단, "means", is also Sudan).
 */
function mayNameCountry(key: string, language: string): boolean {
  const capitalised = key.charAt(0).toUpperCase() + key.slice(1);
  return recognizer
    .mentions(capitalised, language)
    .some((mention) => mention.places.some((place) => place.kind === 'country'));
}

const names: Record<string, string[]> = {};
for (const [language, perLanguage] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
  const ambiguous = [...perLanguage]
    .filter(([, c]) => c.false >= MIN_FALSE && c.false >= FALSE_TO_TRUE * c.true)
    .filter(([key]) => !mayNameCountry(key, language))
    .map(([key]) => key)
    .sort();
  if (ambiguous.length) names[language] = ambiguous;
  if (process.env.VERBOSE)
    for (const key of ambiguous) console.log(language, key, JSON.stringify(perLanguage.get(key)));
}
const file = join(modelsDir(), PLACE_AMBIGUITY_FILE);
writeFileSync(
  file,
  `${JSON.stringify({ source: 'SIB-200 train (Flores-200, CC BY-SA 4.0), see build-place-ambiguity.ts', minFalse: MIN_FALSE, falseToTrue: FALSE_TO_TRUE, names }, null, 1)}\n`,
);
const total = Object.values(names).reduce((n, list) => n + list.length, 0);
console.log(`${total} ambiguous names in ${Object.keys(names).length} languages -> ${file}`);
