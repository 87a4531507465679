import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryFromHistogram } from './search.repository.js';

// Five bounds a day apart, four buckets of 250 documents each out of 1,000.
const BOUNDS = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'].map(
  (day) => `${day}T00:00:00.000Z`,
);

describe('boundaryFromHistogram', () => {
  it('gives a bound where the rank-th newest document falls on one', () => {
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 250), '2026-01-04T00:00:00.000Z');
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 500), '2026-01-03T00:00:00.000Z');
  });

  it('interpolates within a bucket instead of widening the window to its older bound', () => {
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 125), '2026-01-04T12:00:00.000Z');
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 100), '2026-01-04T14:24:00.000Z');
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 999), '2026-01-01T00:05:45.600Z');
  });

  it('is null past the oldest document and undefined without a histogram', () => {
    assert.equal(boundaryFromHistogram(BOUNDS, 1000, 1000), null);
    assert.equal(boundaryFromHistogram([], 1000, 10), undefined);
    assert.equal(boundaryFromHistogram(BOUNDS, 0, 10), undefined);
  });
});
