import type { Classification } from '../classify/classifier.js';
import type { StoredFingerprint } from './enrichment-store.js';

/** Places and canonical entities: what translations and rewrites of one event share. */
export function storyKeysOf(result: Classification): string[] {
  const keys = [
    ...result.places.countries.map((country) => `c:${country.code}`),
    ...result.places.cities.map((city) => `g:${city.geonameId}`),
    ...result.entities.map((entity) => `e:${(entity.canonical ?? entity.name).toLowerCase()}`),
  ];
  return [...new Set(keys)].slice(0, 64);
}

function hamming(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}

const NEAR_DUPLICATE_BITS = 3;
const SHARED_KEYS_FOR_STORY = 3;

/** Interim rule until stories/ lands: near-identical SimHash, or several shared places/entities. */
export function chooseStory(
  articleId: string,
  result: Classification,
  storyKeys: string[],
  candidates: StoredFingerprint[],
): { storyId: string; nearDuplicateOf: string | null } {
  const duplicate = candidates.find(
    (candidate) => hamming(candidate.simhash, result.simhash) <= NEAR_DUPLICATE_BITS,
  );
  if (duplicate) {
    return {
      storyId: duplicate.storyId ?? duplicate.articleId,
      nearDuplicateOf: duplicate.articleId,
    };
  }
  const keys = new Set(storyKeys);
  const related = candidates.find(
    (candidate) =>
      candidate.storyKeys.filter((key) => keys.has(key)).length >= SHARED_KEYS_FOR_STORY,
  );
  return {
    storyId: related ? (related.storyId ?? related.articleId) : articleId,
    nearDuplicateOf: null,
  };
}
