import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoInstant } from './iso-instant.js';

/** A small deterministic generator, so a failure names an instant that can be replayed. */
function* instants(count: number): Generator<number> {
  let state = 0x2545f491;
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const high = state;
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    yield ((high % 59_000) * 4_294_967_296 + state) % 253_402_300_800_000;
  }
}

describe('isoInstant', () => {
  it('formats like Date#toISOString across 1970–9999', () => {
    for (const millis of instants(20_000))
      assert.equal(isoInstant(millis), new Date(millis).toISOString(), String(millis));
  });

  it('handles month, year, leap-day and epoch edges', () => {
    const edges = [
      0,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(1999, 11, 31, 23, 59, 59, 1),
      Date.UTC(2024, 11, 31, 12, 0, 0, 10),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ];
    for (const millis of edges) assert.equal(isoInstant(millis), new Date(millis).toISOString());
  });

  it('defers to Date for what it does not format itself', () => {
    assert.equal(isoInstant(-1), new Date(-1).toISOString());
    assert.equal(isoInstant(1.5), new Date(1.5).toISOString());
  });
});
