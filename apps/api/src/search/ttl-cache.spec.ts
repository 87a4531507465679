import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RefreshingCache, RefreshingValue, TtlCache } from './ttl-cache.js';

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

describe('RefreshingValue', () => {
  it('loads once for concurrent callers, then serves the last value while reloading', async () => {
    let now = 0;
    let loads = 0;
    let release: (() => void) | undefined;
    const value = new RefreshingValue(
      100,
      async () => {
        loads++;
        if (loads === 2) await new Promise<void>((resolve) => (release = resolve));
        return loads;
      },
      () => now,
    );
    assert.deepEqual(await Promise.all([value.get(), value.get()]), [1, 1]);
    assert.equal(loads, 1);
    now = 99;
    assert.equal(await value.get(), 1);
    now = 100;
    // Stale: answered at once from the last value, one reload started.
    assert.equal(await value.get(), 1);
    assert.equal(await value.get(), 1);
    assert.equal(loads, 2);
    release!();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await value.get(), 2);
  });

  it('keeps the last value when a reload fails, and lets the first caller see a failed load', async () => {
    let now = 0;
    let fail = true;
    const value = new RefreshingValue(
      10,
      async () => {
        if (fail) throw new Error('down');
        return now;
      },
      () => now,
    );
    await assert.rejects(value.get(), /down/);
    fail = false;
    now = 5;
    assert.equal(await value.get(), 5);
    fail = true;
    now = 20;
    assert.equal(await value.get(), 5);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await value.get(), 5);
    await new Promise((resolve) => setImmediate(resolve));
    fail = false;
    now = 21;
    assert.equal(await value.get(), 5);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await value.get(), 21);
  });
});

describe('RefreshingCache', () => {
  it('serves each key its last value while reloading it once stale, and empties itself when full', async () => {
    let now = 0;
    const cache = new RefreshingCache<string>(100, 2, () => now);
    const loads: string[] = [];
    const loader = (key: string) => async () => {
      loads.push(key);
      return `${key}@${now}`;
    };
    assert.equal(await cache.get('a', loader('a')), 'a@0');
    assert.equal(await cache.get('b', loader('b')), 'b@0');
    now = 150;
    // Stale: the last value now, the reloaded one next time.
    assert.equal(await cache.get('a', loader('a')), 'a@0');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await cache.get('a', loader('a')), 'a@150');
    assert.deepEqual(loads, ['a', 'b', 'a']);
    // A third key empties the full cache: 'a' is loaded afresh, and awaited.
    assert.equal(await cache.get('c', loader('c')), 'c@150');
    now = 160;
    assert.equal(await cache.get('a', loader('a')), 'a@160');
  });
});
