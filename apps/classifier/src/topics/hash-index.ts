/**
 * A static set of 32-bit keys, each with the row it was given: the keys sorted, and a directory
 * of where each value of their top bits starts, so a lookup is one directory read and a binary
 * search over about eight keys. 4 bytes per key plus half a byte for the directory, against
 * 8 bytes a slot (11–16 bytes a key) for an open-addressing table.
 */
export class HashIndex {
  private readonly keys: Uint32Array;
  private readonly rows: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly shift: number;

  /** `keys[i]` names row i; where a key repeats, its first row stands. */
  constructor(keys: Uint32Array) {
    const order = sortedOrder(keys);
    let distinct = 0;
    for (let i = 0; i < order.length; i++) {
      if (i === 0 || keys[order[i]] !== keys[order[i - 1]]) order[distinct++] = order[i];
    }
    this.keys = new Uint32Array(distinct);
    this.rows = new Uint32Array(distinct);
    for (let i = 0; i < distinct; i++) {
      this.keys[i] = keys[order[i]];
      this.rows[i] = order[i];
    }
    const bits = Math.min(24, Math.max(4, Math.ceil(Math.log2(distinct / 8 + 1))));
    this.shift = 32 - bits;
    this.starts = new Uint32Array(2 ** bits + 1);
    for (let i = 0; i < distinct; i++) this.starts[(this.keys[i] >>> this.shift) + 1]++;
    for (let b = 1; b < this.starts.length; b++) this.starts[b] += this.starts[b - 1];
  }

  get size(): number {
    return this.keys.length;
  }

  /** The key's row, or -1. */
  find(key: number): number {
    const bucket = key >>> this.shift;
    let lo = this.starts[bucket];
    let hi = this.starts[bucket + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid];
      if (k === key) return this.rows[mid];
      if (k < key) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}

/** The indices of `keys` in ascending key order, equal keys in index order (LSD radix sort). */
function sortedOrder(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < n; i++) counts[((keys[order[i]] >>> shift) & 0xffff) + 1]++;
    for (let d = 1; d <= 65536; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < n; i++) spare[counts[(keys[order[i]] >>> shift) & 0xffff]++] = order[i];
    [order, spare] = [spare, order];
  }
  return order;
}
