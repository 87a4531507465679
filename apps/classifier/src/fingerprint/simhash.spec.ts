import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mix32 } from '../text/hash.js';
import { simhash } from './simhash.js';

/** SimHash from its definition: each shingle votes +1 or -1 on each of its hash's 64 bits. */
function votedSimhash(shingles: Uint32Array): string {
  const votes = new Array<number>(64).fill(0);
  for (const s of shingles) {
    const halves = [mix32(s ^ 0x27d4eb2f), mix32(s ^ 0x165667b1)];
    for (let b = 0; b < 64; b++) votes[b] += (halves[b >> 5] >>> (b & 31)) & 1 ? 1 : -1;
  }
  let bits = 0n;
  for (let b = 0; b < 64; b++) if (votes[b] > 0) bits |= 1n << BigInt(b < 32 ? 32 + b : b - 32);
  return bits.toString(16).padStart(16, '0');
}

describe('simhash', () => {
  let state = 7;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);

  for (const length of [0, 1, 2, 254, 255, 256, 511, 1000]) {
    it(`sets the bits most of ${length} shingles' hashes have`, () => {
      const shingles = Uint32Array.from({ length }, next);
      assert.equal(simhash(shingles), votedSimhash(shingles));
    });
  }

  it('sets no bit on a tie and gives a shingle repeated its own hash', () => {
    assert.equal(simhash(Uint32Array.of(1, 2, 1, 2)), votedSimhash(Uint32Array.of(1, 2)));
    const once = simhash(Uint32Array.of(42));
    assert.equal(simhash(Uint32Array.from({ length: 600 }, () => 42)), once);
    assert.match(once, /^[0-9a-f]{16}$/);
  });
});
