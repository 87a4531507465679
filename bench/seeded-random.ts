/**
 * mulberry32: seeded, 32-bit integer arithmetic, period 2^32. (An LCG computed in doubles lost
 * its low bits and repeated itself after ~10,000 draws, so long mixed runs replayed the same
 * queries and a cache looked better than it is.)
 */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Indexes 0…count-1 drawn by Zipf's law: the k-th (from 1) k^-s times as often as the first. */
export function zipfIndex(count: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let k = 1; k <= count; k++) cumulative[k - 1] = sum += 1 / k ** s;
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
