import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MATCH_COST, daysCostMore } from './window-cost.js';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000).toISOString();

describe('daysCostMore', () => {
  it('reads every match of a mid-frequency word rather than half a year of days', () => {
    assert.equal(daysCostMore(daysAgo(191), 1000, 3000, NOW), true);
  });

  it('keeps a window of days for a common word', () => {
    assert.equal(daysCostMore(daysAgo(6), 1000, 100_000, NOW), false);
    assert.equal(daysCostMore(daysAgo(48), 1000, 9400, NOW), false);
  });

  it('weighs each day of the window as DAY_MATCH_COST matches', () => {
    const matches = 1000 + DAY_MATCH_COST * 30;
    assert.equal(daysCostMore(daysAgo(30), 1000, matches + 1, NOW), false);
    assert.equal(daysCostMore(daysAgo(30), 1000, matches, NOW), true);
  });

  it('counts a window that starts in the future as one day', () => {
    assert.equal(daysCostMore(daysAgo(-3), 10, 10 + DAY_MATCH_COST + 1, NOW), false);
  });
});
