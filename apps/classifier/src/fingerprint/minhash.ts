import { mix32 } from '../text/hash.js';

export const MINHASH_SIZE = 64;
const EMPTY = 0xffffffff;

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(0x5bd1e995 + i * 0x9e3779b9));

/** MinHash signature: for each of 64 seeded hash functions, the minimum over the shingles. */
export function minhash(shingles: Uint32Array, size: number = MINHASH_SIZE): number[] {
  const mins = new Array<number>(size).fill(EMPTY);
  for (const s of shingles) {
    for (let i = 0; i < size; i++) {
      const h = mix32(s ^ SEEDS[i]);
      if (h < mins[i]) mins[i] = h;
    }
  }
  return mins;
}
