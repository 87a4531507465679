import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MINHASH_SIZE, minhash, minhashBands } from './minhash.js';
import { shingleHashes } from './shingles.js';

const signature = (text: string) => minhash(shingleHashes(text));

describe('minhashBands', () => {
  const text =
    'President Tokayev met the secretary general in Almaty on Tuesday to discuss border security and the summit next month';

  it('gives one signed 32-bit key per band of three positions', () => {
    const bands = minhashBands(signature(text));
    assert.equal(bands.length, Math.floor(MINHASH_SIZE / 3));
    for (const b of bands) assert.ok(Number.isInteger(b) && b >= -(2 ** 31) && b < 2 ** 31);
  });

  it('shares bands between a text and its repost with boilerplate, none with an unrelated text', () => {
    const original = new Set(minhashBands(signature(text)));
    const repost = minhashBands(signature(`${text} Read more on our partner site`));
    const other = minhashBands(
      signature(
        'The football club signed a new striker before the transfer window closed on Friday evening',
      ),
    );
    assert.ok(repost.filter((b) => original.has(b)).length >= 5);
    assert.equal(other.filter((b) => original.has(b)).length, 0);
  });

  it('keys a band by its position: equal values elsewhere in the signature do not match', () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [4, 5, 6, 1, 2, 3];
    assert.equal(minhashBands(a).filter((x) => minhashBands(b).includes(x)).length, 0);
  });

  it('has no bands for an empty text', () => {
    assert.deepEqual(minhashBands(signature('')), []);
  });
});
