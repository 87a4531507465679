const DEPTH = 4;
const MAX_COUNT = 15;

/**
 * How often each key was asked for lately, approximately: a count-min sketch of small counters
 * (TinyLFU's), never below a key's count since the last halving and above it only where keys
 * collide. After `sampleSize` counted requests every count halves, so old popularity fades.
 * A few bytes per expected key, whatever the keys' length.
 */
export class FrequencySketch {
  private readonly counters: Uint8Array;
  private readonly width: number;
  private readonly sampleSize: number;
  private counted = 0;

  constructor(expectedKeys: number, sampleSize = 10 * expectedKeys) {
    this.width = nextPowerOfTwo(Math.max(64, expectedKeys * 4));
    this.counters = new Uint8Array(DEPTH * this.width);
    this.sampleSize = Math.max(1, sampleSize);
  }

  increment(key: string): void {
    const [first, second] = hashes(key);
    let grew = false;
    for (let row = 0; row < DEPTH; row++) {
      const index = this.index(row, first, second);
      if (this.counters[index]! < MAX_COUNT) {
        this.counters[index]!++;
        grew = true;
      }
    }
    if (grew && ++this.counted >= this.sampleSize) this.halve();
  }

  frequency(key: string): number {
    const [first, second] = hashes(key);
    let least = MAX_COUNT;
    for (let row = 0; row < DEPTH; row++) {
      least = Math.min(least, this.counters[this.index(row, first, second)]!);
    }
    return least;
  }

  private index(row: number, first: number, second: number): number {
    return row * this.width + (((first + Math.imul(row, second)) >>> 0) & (this.width - 1));
  }

  private halve(): void {
    for (let i = 0; i < this.counters.length; i++) this.counters[i]! >>= 1;
    this.counted = Math.floor(this.counted / 2);
  }
}

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(n));
}

/** Two 32-bit hashes of the key (FNV-1a, and that mixed again), for double hashing. */
function hashes(key: string): [number, number] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  let mixed = hash ^ (hash >>> 16);
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return [hash >>> 0, (mixed | 1) >>> 0];
}
