import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntegerList } from './enrichment-store.js';

describe('parseIntegerList', () => {
  it('reads array_to_string of an integer[]: signs kept, empty and null arrays too', () => {
    assert.deepEqual(
      parseIntegerList('1,-2147483648,2147483647,0'),
      [1, -2147483648, 2147483647, 0],
    );
    assert.deepEqual(parseIntegerList(''), []);
    assert.equal(parseIntegerList(null), null);
  });
});
