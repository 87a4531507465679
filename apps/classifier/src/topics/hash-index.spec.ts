import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HashIndex } from './hash-index.js';

describe('HashIndex', () => {
  it('finds every key’s row and nothing else', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const keys = Uint32Array.from({ length: 50_000 }, random);
    const index = new HashIndex(keys);
    const expected = new Map<number, number>();
    keys.forEach((k, row) => expected.has(k) || expected.set(k, row));
    for (const [key, row] of expected) assert.equal(index.find(key), row);
    let misses = 0;
    for (let i = 0; i < 50_000; i++) {
      const key = random();
      if (!expected.has(key)) {
        misses++;
        assert.equal(index.find(key), -1);
      }
    }
    assert.ok(misses > 49_000);
  });

  it('keeps a repeated key’s first row and handles the extremes', () => {
    const index = new HashIndex(Uint32Array.from([7, 0xffffffff, 7, 0, 3]));
    assert.equal(index.size, 4);
    assert.equal(index.find(7), 0);
    assert.equal(index.find(0xffffffff), 1);
    assert.equal(index.find(0), 3);
    assert.equal(index.find(3), 4);
    assert.equal(index.find(8), -1);
    assert.equal(new HashIndex(new Uint32Array(0)).find(1), -1);
  });
});
