import type { Classification } from '../classify/classifier.js';
import type { StoryFingerprint } from './decide.js';
import { entityAnchor } from './name-skeleton.js';

/** The story-relevant part of a classification, as the lead stores it next to the article. */
export function storyFingerprintOf(c: Classification, publishedAt: number): StoryFingerprint {
  return {
    simhash: c.simhash,
    minhash: c.minhash,
    publishedAt,
    language: c.language.code,
    countries: c.places.countries.map((p) => p.code),
    cityIds: c.places.cities.map((p) => p.geonameId),
    entities: c.entities.map((e) => entityAnchor(e.canonical ?? e.name)),
    numbers: c.numbers,
    nameWords: c.nameWords,
    topics: c.topics.map((t) => t.code),
  };
}
