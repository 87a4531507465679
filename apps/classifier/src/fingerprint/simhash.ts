import { mix32 } from '../text/hash.js';

/** 64-bit SimHash of shingle hashes, as 16 lower-case hex characters. */
export function simhash(shingles: Uint32Array): string {
  const votes = new Int32Array(64);
  for (const s of shingles) {
    const hi = mix32(s ^ 0x27d4eb2f);
    const lo = mix32(s ^ 0x165667b1);
    for (let b = 0; b < 32; b++) {
      votes[b] += (hi >>> b) & 1 ? 1 : -1;
      votes[32 + b] += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (votes[b] > 0) hi |= 1 << b;
    if (votes[32 + b] > 0) lo |= 1 << b;
  }
  return hex32(hi) + hex32(lo);
}

export function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
