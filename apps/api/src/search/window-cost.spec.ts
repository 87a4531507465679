import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctedEstimate, DAY_MATCH_COST, daysCostMore } from './window-cost.js';

describe('daysCostMore', () => {
  it('reads every match of a mid-frequency word rather than half a year of days', () => {
    assert.equal(daysCostMore(191, 1000, 3000), true);
  });

  it('keeps a window of days for a common word', () => {
    assert.equal(daysCostMore(6, 1000, 100_000), false);
    assert.equal(daysCostMore(48, 1000, 9400), false);
  });

  it('weighs each day of the window as DAY_MATCH_COST matches', () => {
    const matches = 1000 + DAY_MATCH_COST * 30;
    assert.equal(daysCostMore(30, 1000, matches + 1), false);
    assert.equal(daysCostMore(30, 1000, matches), true);
  });

  it('counts a window without days as one day', () => {
    assert.equal(daysCostMore(0, 10, 10 + DAY_MATCH_COST + 1), false);
  });
});

describe('correctedEstimate', () => {
  it("counts a word's unseen stems once", () => {
    assert.equal(correctedEstimate(4 * 1124, 4, 1124), 1124);
  });

  it('keeps the estimate of a frequent stem and drops what its unseen variants added', () => {
    assert.equal(correctedEstimate(100_000 + 2 * 1124, 3, 1124), 100_000);
  });

  it('leaves a single lexeme, or a query that is not a plain OR of them, alone', () => {
    assert.equal(correctedEstimate(5000, 1, 1124), 5000);
    assert.equal(correctedEstimate(300, 1, 1124), 300);
  });

  it('never drops below the smaller of the estimate and the floor', () => {
    assert.equal(correctedEstimate(2000, 3, 1124), 1124);
    assert.equal(correctedEstimate(800, 3, 1124), 800);
  });
});
