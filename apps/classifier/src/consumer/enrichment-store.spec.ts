import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signatureFromBytes } from './enrichment-store.js';

describe('signatureFromBytes', () => {
  it('reads minhash_bytes: 4 big-endian bytes per signed value; null stays null', () => {
    const bytes = Buffer.from('00000001800000007fffffffffffffff', 'hex');
    assert.deepEqual(signatureFromBytes(bytes), [1, -2147483648, 2147483647, -1]);
    assert.deepEqual(signatureFromBytes(Buffer.alloc(0)), []);
    assert.equal(signatureFromBytes(null), null);
  });
});
