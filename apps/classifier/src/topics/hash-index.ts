/**
 * A static set of distinct 32-bit keys, sorted, with a directory of where each value of their
 * top bits starts: a lookup is one directory read and a binary search over about eight keys,
 * and a key's position is its row. 4 bytes per key plus half a byte for the directory, against
 * 8 bytes a slot (11–16 bytes a key) for an open-addressing table.
 */
export class HashIndex {
  private readonly starts: Uint32Array;
  private readonly shift: number;

  /** `keys` ascending and distinct (see sortedDistinct). */
  constructor(readonly keys: Uint32Array) {
    for (let i = 1; i < keys.length; i++) {
      if (keys[i] <= keys[i - 1]) throw new Error('HashIndex: keys are not sorted and distinct');
    }
    const bits = Math.min(24, Math.max(4, Math.ceil(Math.log2(keys.length / 8 + 1))));
    this.shift = 32 - bits;
    this.starts = new Uint32Array(2 ** bits + 1);
    for (let i = 0; i < keys.length; i++) this.starts[(keys[i] >>> this.shift) + 1]++;
    for (let b = 1; b < this.starts.length; b++) this.starts[b] += this.starts[b - 1];
  }

  get size(): number {
    return this.keys.length;
  }

  /** The key's position, or -1. */
  find(key: number): number {
    const bucket = key >>> this.shift;
    let lo = this.starts[bucket];
    let hi = this.starts[bucket + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid];
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}

/** Rows sortedDistinct can order: 2^21, so that key * ROW_LIMIT + row stays an exact double. */
const ROW_LIMIT = 2 ** 21;

/**
 * The indices of `keys` in ascending key order, each key once (where it repeats, its first
 * index stands).
 */
export function sortedDistinct(keys: Uint32Array): Uint32Array {
  if (keys.length > ROW_LIMIT) throw new Error(`HashIndex: more than ${ROW_LIMIT} keys`);
  // key * 2^21 + index is exact in a double: one numeric sort orders by key, then by index.
  const pairs = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) pairs[i] = keys[i] * ROW_LIMIT + i;
  pairs.sort();
  const order: number[] = [];
  let last = -1;
  for (const pair of pairs) {
    const key = Math.floor(pair / ROW_LIMIT);
    if (key !== last) order.push(pair % ROW_LIMIT);
    last = key;
  }
  return Uint32Array.from(order);
}
