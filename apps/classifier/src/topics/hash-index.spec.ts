import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HashIndex, sortedDistinct } from './hash-index.js';

const indexOf = (keys: Uint32Array) => {
  const order = sortedDistinct(keys);
  return { order, index: new HashIndex(Uint32Array.from(order, (i) => keys[i])) };
};

describe('HashIndex', () => {
  it('finds every key at the position of its first row and nothing else', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const keys = Uint32Array.from({ length: 50_000 }, random);
    const { order, index } = indexOf(keys);
    const expected = new Map<number, number>();
    keys.forEach((k, row) => expected.has(k) || expected.set(k, row));
    assert.equal(index.size, expected.size);
    for (const [key, row] of expected) assert.equal(order[index.find(key)], row);
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
    const keys = Uint32Array.from([7, 0xffffffff, 7, 0, 3]);
    const { order, index } = indexOf(keys);
    assert.deepEqual([...order], [3, 4, 0, 1]);
    assert.equal(index.find(7), 2);
    assert.equal(index.find(0xffffffff), 3);
    assert.equal(index.find(0), 0);
    assert.equal(index.find(8), -1);
    assert.equal(new HashIndex(new Uint32Array(0)).find(1), -1);
  });

  it('refuses keys that are not sorted and distinct', () => {
    assert.throws(() => new HashIndex(Uint32Array.from([1, 1])), /sorted and distinct/);
    assert.throws(() => new HashIndex(Uint32Array.from([2, 1])), /sorted and distinct/);
  });
});
