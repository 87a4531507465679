import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryFromHistogram } from './search.repository.js';

// Five bounds, four buckets of 250 documents each out of 1,000.
const BOUNDS = ['t0', 't250', 't500', 't750', 't1000'];

describe('boundaryFromHistogram', () => {
  it('gives the bound at or below the rank-th newest document, never a newer one', () => {
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 250), 't750');
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 251), 't500');
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 100), 't750');
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 999), 't0');
  });

  it('is null past the oldest document and undefined without a histogram', () => {
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 1000), null);
    assert.equal(boundaryFromHistogram([], 1000, 10), undefined);
    assert.equal(boundaryFromHistogram(BOUNDS, 0, 10), undefined);
  });
});
