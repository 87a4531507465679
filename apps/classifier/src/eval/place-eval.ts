/**
 * Place recognition measured against translations: SIB-200 is parallel, so the places found in
 * a sentence's English version stand in for the places its other versions name. Agreement is a
 * proxy, not a gold standard: English misreads too (Aurora borealis, KwaZulu-Natal), and a
 * demonym in English (Cuban) is often the country's name elsewhere.
 */
import type { Places } from '../places/places.js';
import { agreementWithEnglish, type TranslationAgreement } from './translation-agreement.js';

export interface PlaceSentence {
  id: number;
  group: string;
  language: string;
  places: Places;
}

/** Counts are places found in both versions, only in the other language's, only in English. */
export type PlaceAgreement = TranslationAgreement;

function keysOf(places: Places): Set<string> {
  return new Set([
    ...places.countries.map((country) => country.code),
    ...places.cities.map((city) => String(city.geonameId)),
  ]);
}

export function evaluatePlaces(sentences: PlaceSentence[]): PlaceAgreement {
  return agreementWithEnglish(sentences.map((s) => ({ ...s, keys: keysOf(s.places) })));
}
