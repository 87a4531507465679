import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LogitsKernel } from './logits-kernel.js';

/** The sums written out from their definition. */
function plainSums(weights: Int8Array, mask: number, classes: number, features: number[]) {
  const sums = new Array<number>(classes).fill(0);
  for (const f of features) {
    for (let c = 0; c < classes; c++) sums[c] += weights[(f & mask) * classes + c];
  }
  return sums;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
}

function randomWeights(rows: number, classes: number, next: () => number): Int8Array {
  const weights = new Int8Array(rows * classes);
  for (let i = 0; i < weights.length; i++) weights[i] = ((next() >>> 16) % 256) - 128;
  return weights;
}

describe('LogitsKernel.sums', () => {
  const kernel = LogitsKernel.get();
  const bits = 8;
  const mask = (1 << bits) - 1;

  for (const classes of [1, 7, 15, 16, 17, 22, 33]) {
    it(`sums every class's weights exactly (${classes} classes)`, () => {
      const next = seeded(classes);
      const weights = randomWeights(1 << bits, classes, next);
      const at = kernel.store(weights);
      for (const count of [0, 1, 255, 256, 257, 3000]) {
        const features = Array.from({ length: count }, () => next());
        const out = new Int32Array(classes);
        kernel.sums(at, mask, classes, Uint32Array.from(features), count, out);
        assert.deepEqual([...out], plainSums(weights, mask, classes, features), `${count}`);
      }
    });
  }

  it('holds sums past 16 bits and lists longer than its feature slots', () => {
    const classes = 3;
    const weights = new Int8Array((1 << bits) * classes);
    for (let row = 0; row < 1 << bits; row++) {
      weights.set([127, -128, row % 2 ? 1 : -1], row * classes);
    }
    const at = kernel.store(weights);
    const count = 70_000;
    const features = Array.from({ length: count }, (_, i) => i);
    const out = new Int32Array(classes);
    kernel.sums(at, mask, classes, features, count, out);
    assert.deepEqual([...out], [127 * count, -128 * count, 0]);
  });

  it('reads only the first `count` features and keeps models apart', () => {
    const next = seeded(9);
    const first = randomWeights(1 << bits, 5, next);
    const second = randomWeights(1 << bits, 5, next);
    const firstAt = kernel.store(first);
    const secondAt = kernel.store(second);
    const features = [1, 2, 3, 4, 5, 6];
    const out = new Int32Array(5);
    kernel.sums(firstAt, mask, 5, features, 4, out);
    assert.deepEqual([...out], plainSums(first, mask, 5, features.slice(0, 4)));
    kernel.sums(secondAt, mask, 5, features, 6, out);
    assert.deepEqual([...out], plainSums(second, mask, 5, features));
    assert.deepEqual(kernel.view(firstAt, first.length), first);
  });
});
