import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LinearModel } from './linear-model.js';

function model(classes: number, bits: number, seed: number): LinearModel {
  const weights = new Int8Array((1 << bits) * classes);
  let state = seed;
  for (let i = 0; i < weights.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    weights[i] = ((state >>> 16) % 255) - 127;
  }
  const labels = Array.from({ length: classes }, (_, c) => `c${c}`);
  const scales = labels.map((_, c) => 0.01 * (c + 1));
  const bias = labels.map((_, c) => c / 10 - 0.3);
  return new LinearModel({ kind: 'test', labels, bits, scales, bias }, weights);
}

/** The logits written out from their definition. */
function expectedLogits(m: LinearModel, features: number[]): number[] {
  const sums = new Array<number>(m.classes).fill(0);
  for (const f of features) {
    for (let c = 0; c < m.classes; c++) sums[c] += m.weights[(f & m.mask) * m.classes + c];
  }
  const norm = features.length ? 1 / Math.sqrt(features.length) : 0;
  return sums.map((s, c) => s * m.header.scales[c] * norm + m.header.bias[c]);
}

describe('LinearModel.logits', () => {
  const features = [3, 0xffffffff, 17, 3, 1 << 20, 12345678, 0];

  for (const classes of [7, 3, 9]) {
    it(`sums the hashed features' weights per class (${classes} classes)`, () => {
      const m = model(classes, 6, classes);
      assert.deepEqual([...m.logits(features)], expectedLogits(m, features));
    });
  }

  it('reads only the first `count` features and gives the bias for none', () => {
    const m = model(7, 6, 1);
    assert.deepEqual([...m.logits(features, 2)], expectedLogits(m, features.slice(0, 2)));
    assert.deepEqual([...m.logits([])], m.header.bias);
  });

  it('starts every call from zero', () => {
    const m = model(7, 6, 2);
    m.logits(features);
    assert.deepEqual([...m.logits([5])], expectedLogits(m, [5]));
  });
});
