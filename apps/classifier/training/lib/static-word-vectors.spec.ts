import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { centred } from './static-word-vectors.js';

describe('centred', () => {
  it('takes the rows’ common direction out and leaves each row of unit length', () => {
    // Two rows sharing the direction (0, 0, 1) beside opposite ones.
    const table = Float32Array.from([0.6, 0, 0.8, -0.6, 0, 0.8]);
    const { dims, table: out } = centred({ dims: 3, table });
    assert.equal(dims, 3);
    assert.deepEqual(
      [...out].map((x) => Math.round(x * 1e6) / 1e6),
      [1, 0, 0, -1, 0, 0],
    );
  });
});
