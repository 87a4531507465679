import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_HOST_BACKOFF as C,
  type HostObservation,
  HostBackoffTracker,
  decideHostBackoff,
} from './host-backoff.js';

const MIN = 60_000;
const NOW = 1_750_000_000_000;
const obs = (
  feedId: string,
  agoMs: number,
  throttled: boolean,
  retryAfterMs?: number,
): HostObservation => ({
  feedId,
  at: NOW - agoMs,
  throttled,
  retryAfterMs,
});

describe('decideHostBackoff', () => {
  const table: ReadonlyArray<
    readonly [name: string, observations: HostObservation[], defer: boolean, deferMs?: number]
  > = [
    ['nothing seen', [], false],
    ['one feed throttled', [obs('a', MIN, true)], false],
    ['two feeds throttled (below minimum)', [obs('a', MIN, true), obs('b', MIN, true)], false],
    [
      'three feeds throttled',
      [obs('a', MIN, true), obs('b', 2 * MIN, true), obs('c', 3 * MIN, true)],
      true,
      C.baseDeferMs,
    ],
    [
      'three throttled of ten (below share)',
      [
        obs('a', MIN, true),
        obs('b', MIN, true),
        obs('c', MIN, true),
        ...'defghij'.split('').map((f) => obs(f, MIN, false)),
      ],
      false,
    ],
    [
      'three throttled of five',
      [
        obs('a', MIN, true),
        obs('b', MIN, true),
        obs('c', MIN, true),
        obs('d', MIN, false),
        obs('e', MIN, false),
      ],
      true,
      C.baseDeferMs,
    ],
    [
      'same feed three times counts once',
      [obs('a', MIN, true), obs('a', 2 * MIN, true), obs('a', 3 * MIN, true)],
      false,
    ],
    [
      'a feed that recovered counts as fine',
      [obs('a', 5 * MIN, true), obs('a', MIN, false), obs('b', MIN, true), obs('c', MIN, true)],
      false,
    ],
    [
      'old answers ignored',
      [obs('a', 11 * MIN, true), obs('b', 12 * MIN, true), obs('c', 20 * MIN, true)],
      false,
    ],
    [
      'longest Retry-After wins',
      [obs('a', MIN, true, 30 * MIN), obs('b', MIN, true, 60 * MIN), obs('c', MIN, true)],
      true,
      60 * MIN,
    ],
    [
      'Retry-After capped',
      [obs('a', MIN, true, 48 * 60 * MIN), obs('b', MIN, true), obs('c', MIN, true)],
      true,
      C.maxDeferMs,
    ],
  ];
  for (const [name, observations, defer, deferMs] of table) {
    it(name, () => {
      const decision = decideHostBackoff(observations, NOW);
      assert.equal(decision.defer, defer);
      if (decision.defer) assert.equal(decision.until - NOW, deferMs);
    });
  }

  it('escalates with consecutive host deferrals, up to the cap', () => {
    const three = [obs('a', MIN, true), obs('b', MIN, true), obs('c', MIN, true)];
    const deferMs = (strikes: number) => {
      const d = decideHostBackoff(three, NOW, C, strikes);
      return d.defer ? d.until - NOW : 0;
    };
    assert.deepEqual([0, 1, 2, 3, 10].map(deferMs), [
      15 * MIN,
      30 * MIN,
      60 * MIN,
      120 * MIN,
      C.maxDeferMs,
    ]);
  });
});

describe('HostBackoffTracker', () => {
  it('defers the host once enough feeds are throttled, and stays deferred until then', () => {
    const tracker = new HostBackoffTracker();
    assert.equal(tracker.record('h', obs('a', 3 * MIN, true)).defer, false);
    assert.equal(tracker.record('h', obs('b', 2 * MIN, true)).defer, false);
    const third = tracker.record('h', obs('c', MIN, true));
    assert.equal(third.defer, true);
    assert.equal(tracker.deferredUntil('h', NOW), NOW - MIN + C.baseDeferMs);
    assert.equal(tracker.deferredUntil('other', NOW), undefined);
    assert.equal(tracker.record('h', obs('d', 0, false)).defer, true, 'still inside the deferral');
  });

  it('escalates when the host keeps throttling after a deferral, and resets after a success', () => {
    const tracker = new HostBackoffTracker();
    const burst = (at: number) => {
      let last;
      for (const feed of ['a', 'b', 'c'])
        last = tracker.record('h', { feedId: feed, at, throttled: true });
      return last!;
    };
    const first = burst(NOW);
    assert.ok(first.defer && first.until === NOW + 15 * MIN);
    const second = burst(NOW + 16 * MIN);
    assert.ok(second.defer && second.until === NOW + 16 * MIN + 30 * MIN);
    tracker.record('h', { feedId: 'a', at: NOW + 50 * MIN, throttled: false });
    const third = burst(NOW + 51 * MIN);
    assert.ok(third.defer && third.until === NOW + 51 * MIN + 15 * MIN);
  });
});
