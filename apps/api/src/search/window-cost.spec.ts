import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  correctedEstimate,
  DAY_MATCH_COST,
  daysCostMore,
  nextWindowRank,
  windowRank,
  windowRanks,
} from './window-cost.js';

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

describe('windowRank', () => {
  it('rounds a window up to the next power of the square root of two', () => {
    assert.equal(windowRank(16_384), 16_384);
    assert.equal(windowRank(16_385), 23_170);
    assert.equal(windowRank(20_000), 23_170);
    assert.equal(windowRank(23_171), 32_768);
    assert.equal(windowRank(0), 2);
  });
});

describe('windowRanks', () => {
  it('lists every size windowRank gives between two sizes, none twice', () => {
    const ranks = windowRanks(42, 16_384);
    assert.deepEqual(ranks.slice(0, 5), [45, 64, 91, 128, 181]);
    assert.equal(ranks.at(-1), 16_384);
    assert.equal(ranks.length, 28 - 11 + 1);
    for (let documents = 42; documents <= 16_384; documents += 7) {
      assert.ok(ranks.includes(windowRank(documents)), String(documents));
    }
  });
});

describe('nextWindowRank', () => {
  it('sizes the next window by the rate of matches the last one saw', () => {
    // 100 of 500 needed in 16,384 documents: 1,000 (twice the need) expected in ten times as many.
    assert.equal(nextWindowRank(16_384, 100, 500, 2, 16), windowRank(163_840));
  });

  it('grows at least twofold and at most maxGrowth-fold', () => {
    assert.equal(nextWindowRank(16_384, 499, 500, 1, 16), 32_768);
    assert.equal(nextWindowRank(16_384, 250, 500, 2, 16), 65_536);
    assert.equal(nextWindowRank(16_384, 1, 500, 2, 16), 262_144);
    assert.equal(nextWindowRank(16_384, 0, 500, 2, 16), 262_144);
  });
});
