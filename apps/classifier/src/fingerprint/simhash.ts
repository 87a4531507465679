import { mix32 } from '../text/hash.js';

/** One bit of each byte: a counter per byte lane, four counted with one addition. */
const LANE_BITS = 0x01010101;
/** Shingles a byte lane counts before it would overflow. */
const LANE_MAX = 255;

/**
 * 64-bit SimHash of shingle hashes, as 16 lower-case hex characters: bit b is set where more
 * than half the shingles' 64-bit hashes have it.
 */
export function simhash(shingles: Uint32Array): string {
  const ones = new Uint32Array(64);
  // packed[word * 8 + shift] counts bits shift, shift + 8, shift + 16 and shift + 24 of one
  // 32-bit half in its four bytes: 16 additions per shingle instead of 64 bit tests.
  const packed = new Uint32Array(16);
  let pending = 0;
  for (const s of shingles) {
    const hi = mix32(s ^ 0x27d4eb2f);
    const lo = mix32(s ^ 0x165667b1);
    for (let shift = 0; shift < 8; shift++) {
      packed[shift] += (hi >>> shift) & LANE_BITS;
      packed[8 + shift] += (lo >>> shift) & LANE_BITS;
    }
    if (++pending === LANE_MAX) {
      unpack(packed, ones);
      pending = 0;
    }
  }
  unpack(packed, ones);
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (2 * ones[b] > shingles.length) hi |= 1 << b;
    if (2 * ones[32 + b] > shingles.length) lo |= 1 << b;
  }
  return hex32(hi) + hex32(lo);
}

/** Adds the byte-lane counters to the per-bit counts (bit b of a half at lane b >> 3) and clears them. */
function unpack(packed: Uint32Array, ones: Uint32Array): void {
  for (let word = 0; word < 2; word++) {
    for (let shift = 0; shift < 8; shift++) {
      const lanes = packed[word * 8 + shift];
      for (let lane = 0; lane < 4; lane++) {
        ones[word * 32 + lane * 8 + shift] += (lanes >>> (lane * 8)) & 0xff;
      }
      packed[word * 8 + shift] = 0;
    }
  }
}

export function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
