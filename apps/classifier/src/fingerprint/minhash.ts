import { mix32 } from '../text/hash.js';

export const MINHASH_SIZE = 64;
const EMPTY = 0xffffffff;

const SEEDS = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) =>
  mix32(0x5bd1e995 + i * 0x9e3779b9),
);

/** MinHash signature: for each of 64 seeded hash functions, the minimum over the shingles. */
export function minhash(shingles: Uint32Array, size: number = MINHASH_SIZE): number[] {
  // Typed, the minima are 32-bit integers: a plain array holds values above 2^31 as doubles.
  const mins = new Uint32Array(size).fill(EMPTY);
  for (const s of shingles) {
    for (let i = 0; i < size; i++) {
      const h = mix32(s ^ SEEDS[i]);
      if (h < mins[i]) mins[i] = h;
    }
  }
  return Array.from(mins);
}

export const MINHASH_BAND_ROWS = 3;

/**
 * LSH band keys (signed 32-bit, as PostgreSQL integer[] stores them): one hash per run of `rows`
 * signature positions. Two texts share a band with probability 1 - (1 - J^rows)^bands, about
 * 0.87 at the near-duplicate Jaccard 0.45 and 0.999 at 0.7, while unrelated texts almost never do.
 * An empty text has no bands.
 */
export function minhashBands(
  signature: readonly number[],
  rows: number = MINHASH_BAND_ROWS,
): number[] {
  const bands: number[] = [];
  if (signature.every((value) => value >>> 0 === EMPTY)) return bands;
  for (let start = 0; start + rows <= signature.length; start += rows) {
    let h = mix32(0x2545f491 + start);
    for (let k = 0; k < rows; k++) h = mix32(h ^ signature[start + k]);
    bands.push(h | 0);
  }
  return bands;
}
