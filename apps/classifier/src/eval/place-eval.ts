/**
 * Place recognition measured against translations: SIB-200 is parallel, so the places found in
 * a sentence's English version stand in for the places its other versions name. Agreement is a
 * proxy, not a gold standard: English misreads too (Aurora borealis, KwaZulu-Natal), and a
 * demonym in English (Cuban) is often the country's name elsewhere.
 */
import type { Places } from '../places/places.js';

export interface PlaceSentence {
  id: number;
  group: string;
  language: string;
  places: Places;
}

export interface PlaceAgreement {
  precision: number;
  recall: number;
  /** Places found in both versions, only in the other language's, only in the English one. */
  counts: { agreed: number; extra: number; missed: number };
  perGroup: Map<string, { precision: number; recall: number }>;
}

function keysOf(places: Places): Set<string> {
  return new Set([
    ...places.countries.map((country) => country.code),
    ...places.cities.map((city) => String(city.geonameId)),
  ]);
}

export function evaluatePlaces(sentences: PlaceSentence[]): PlaceAgreement {
  const english = new Map<number, Set<string>>();
  for (const s of sentences) if (s.language === 'en') english.set(s.id, keysOf(s.places));
  const totals = { agreed: 0, extra: 0, missed: 0 };
  const groups = new Map<string, typeof totals>();
  for (const s of sentences) {
    const gold = english.get(s.id);
    if (s.language === 'en' || !gold) continue;
    const found = keysOf(s.places);
    const counts = groups.get(s.group) ?? { agreed: 0, extra: 0, missed: 0 };
    groups.set(s.group, counts);
    for (const key of found) {
      const kind = gold.has(key) ? 'agreed' : 'extra';
      counts[kind]++;
      totals[kind]++;
    }
    for (const key of gold) {
      if (found.has(key)) continue;
      counts.missed++;
      totals.missed++;
    }
  }
  return {
    ...rates(totals),
    counts: totals,
    perGroup: new Map([...groups].map(([group, counts]) => [group, rates(counts)])),
  };
}

function rates(c: { agreed: number; extra: number; missed: number }) {
  return {
    precision: c.agreed / Math.max(1, c.agreed + c.extra),
    recall: c.agreed / Math.max(1, c.agreed + c.missed),
  };
}
