/** Bits that differ between two 64-bit SimHashes given as 16 hex characters. */
export function hammingDistance(a: string, b: string): number {
  if (!isSimhash(a) || !isSimhash(b)) return 64;
  return popcount32(parseHex(a, 0) ^ parseHex(b, 0)) + popcount32(parseHex(a, 8) ^ parseHex(b, 8));
}

/**
 * The four 16-bit blocks as lookup keys ("<block>:<hex>"). Two SimHashes within 3 bits share
 * at least one block (pigeonhole), so an index on these keys finds every such candidate.
 */
export function simhashBlockKeys(simhash: string): string[] {
  if (!isSimhash(simhash)) return [];
  const s = simhash.toLowerCase();
  return [0, 1, 2, 3].map((i) => `${i}:${s.slice(i * 4, i * 4 + 4)}`);
}

/** Jaccard estimate: share of MinHash positions that agree (empty signatures estimate 0). */
export function minhashJaccard(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  let empty = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === 0xffffffff && b[i] === 0xffffffff) empty++;
    else if (a[i] === b[i]) same++;
  }
  return empty === n ? 0 : same / n;
}

export function isSimhash(value: string): boolean {
  return typeof value === 'string' && /^[0-9a-fA-F]{16}$/.test(value);
}

function parseHex(s: string, offset: number): number {
  return Number.parseInt(s.slice(offset, offset + 8), 16) | 0;
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
