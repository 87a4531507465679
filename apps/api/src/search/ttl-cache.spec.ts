import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('returns a value until it expires', () => {
    let now = 1000;
    const cache = new TtlCache<number>(100, 10, () => now);
    cache.set('a', 1);
    now = 1099;
    assert.equal(cache.get('a'), 1);
    now = 1100;
    assert.equal(cache.get('a'), undefined);
  });

  it('keeps nothing with a zero lifetime, and empties itself when full', () => {
    assert.equal(new TtlCache<number>(0, 10).get('a'), undefined);
    const zero = new TtlCache<number>(0, 10);
    zero.set('a', 1);
    assert.equal(zero.get('a'), undefined);
    const small = new TtlCache<number>(1000, 2);
    small.set('a', 1);
    small.set('b', 2);
    small.set('c', 3);
    assert.equal(small.get('a'), undefined);
    assert.equal(small.get('c'), 3);
  });

  it('loads a missing value once and serves it from the cache afterwards, null included', async () => {
    const cache = new TtlCache<string | null>(1000, 10);
    let loads = 0;
    const load = async () => {
      loads++;
      return null;
    };
    assert.equal(await cache.through('a', load), null);
    assert.equal(await cache.through('a', load), null);
    assert.equal(loads, 1);
  });
});
