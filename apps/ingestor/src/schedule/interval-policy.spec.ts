import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FetchError } from '#net';
import { parseHttpDate, parseRetryAfter } from './http-dates.js';
import {
  DEFAULT_INTERVAL_POLICY as P,
  type FeedScheduleState,
  type FetchOutcome,
  INITIAL_SCHEDULE_STATE,
  adaptiveIntervalMs,
  backoffDelayMs,
  planNextFetch,
  withJitter,
} from './interval-policy.js';
import { outcomeOfError, outcomeOfSuccess } from './outcome.js';
import { httpFreshnessMs, parseCacheControl, publisherMinimumMs } from './publisher-hints.js';
import { applySkipRules } from './skip.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 6, 2, 12, 0, 0); // Wednesday 2025-07-02 12:00 UTC
const fixed = (value: number) => () => value;
/** Publication times every `gap` ms, newest `age` ago. */
const series = (count: number, gap: number, age = 0) =>
  Array.from({ length: count }, (_, i) => NOW - age - i * gap);

describe('parseRetryAfter / parseHttpDate', () => {
  const table: ReadonlyArray<
    readonly [value: string | undefined, expected: number | undefined, serverDate?: string]
  > = [
    ['120', 120_000],
    ['0', 0],
    [' 30 ', 30_000],
    [new Date(NOW + 90_000).toUTCString(), 90_000],
    [new Date(NOW - 90_000).toUTCString(), 0],
    // the server's clock is 1 h behind ours: a date 10 min after ITS now means 10 min
    [new Date(NOW - HOUR + 10 * MIN).toUTCString(), 10 * MIN, new Date(NOW - HOUR).toUTCString()],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [value, expected, serverDate] of table) {
    it(`${JSON.stringify(value)}${serverDate ? ' (server clock)' : ''} -> ${expected}`, () => {
      assert.equal(parseRetryAfter(value, NOW, serverDate), expected);
    });
  }
  it('parses the three HTTP date forms', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    assert.equal(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT'), expected);
    assert.equal(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT'), expected);
    assert.equal(parseHttpDate('Sun Nov  6 08:49:37 1994 GMT'), expected);
  });
});

describe('publisher hints', () => {
  const cap = 3 * DAY;
  const table: ReadonlyArray<
    readonly [name: string, hints: Parameters<typeof publisherMinimumMs>[0], ms: number]
  > = [
    ['none', undefined, 0],
    ['ttl 60', { ttlMinutes: 60 }, HOUR],
    ['ttl 0 ignored', { ttlMinutes: 0 }, 0],
    ['ttl negative ignored', { ttlMinutes: -5 }, 0],
    ['sy hourly', { updatePeriod: 'hourly' }, HOUR],
    ['sy daily x2', { updatePeriod: 'daily', updateFrequency: 2 }, 12 * HOUR],
    ['sy Weekly (case)', { updatePeriod: ' Weekly ' }, 7 * DAY > cap ? cap : 7 * DAY],
    ['sy bogus period', { updatePeriod: 'fortnightly' }, 0],
    ['sy precomputed minutes', { syndicationPeriodMinutes: 120 }, 2 * HOUR],
    ['sy precomputed minutes, 0 ignored', { syndicationPeriodMinutes: 0 }, 0],
    ['sy frequency 0 means 1', { updatePeriod: 'hourly', updateFrequency: 0 }, HOUR],
    ['max-age', { cacheControl: 'public, max-age=1800' }, 30 * MIN],
    ['max-age minus Age', { cacheControl: 'max-age=1800', age: '600' }, 20 * MIN],
    ['no-cache wins', { cacheControl: 'no-cache, max-age=1800' }, 0],
    [
      'Expires on the server clock',
      { expires: new Date(NOW + 2 * HOUR).toUTCString(), date: new Date(NOW + HOUR).toUTCString() },
      HOUR,
    ],
    ['Expires on our clock', { expires: new Date(NOW + 2 * HOUR).toUTCString() }, 2 * HOUR],
    ['Expires 0', { expires: '0' }, 0],
    [
      'max-age beats Expires',
      { cacheControl: 'max-age=60', expires: new Date(NOW + 2 * HOUR).toUTCString() },
      MIN,
    ],
    [
      'longest wins',
      { ttlMinutes: 30, updatePeriod: 'hourly', cacheControl: 'max-age=7200' },
      2 * HOUR,
    ],
    ['capped', { ttlMinutes: 60 * 24 * 365 }, cap],
  ];
  for (const [name, hints, ms] of table) {
    it(name, () => assert.equal(publisherMinimumMs(hints, NOW, cap), ms));
  }
  it('parses Cache-Control directives', () => {
    const cc = parseCacheControl('Public, MAX-AGE="90", no-transform');
    assert.equal(cc.get('max-age'), '90');
    assert.ok(cc.has('public') && cc.has('no-transform'));
    assert.equal(httpFreshnessMs({ cacheControl: 'max-age=abc' }, NOW), 0);
  });
});

describe('applySkipRules', () => {
  const at = (iso: string) => Date.parse(iso);
  const table: ReadonlyArray<
    readonly [
      name: string,
      time: string,
      rules: Parameters<typeof applySkipRules>[1],
      expected: string,
    ]
  > = [
    ['no rules', '2025-07-02T12:30:00Z', {}, '2025-07-02T12:30:00Z'],
    ['hour allowed', '2025-07-02T12:30:00Z', { skipHours: [1, 2] }, '2025-07-02T12:30:00Z'],
    ['skipped hour', '2025-07-02T12:30:00Z', { skipHours: [12] }, '2025-07-02T13:00:00Z'],
    [
      'night run',
      '2025-07-02T22:10:00Z',
      { skipHours: [22, 23, 0, 1, 2, 3, 4, 5] },
      '2025-07-03T06:00:00Z',
    ],
    ['24 means 0', '2025-07-02T00:10:00Z', { skipHours: [24] }, '2025-07-02T01:00:00Z'],
    [
      'skipped day',
      '2025-07-05T09:00:00Z',
      { skipDays: ['Saturday', 'sunday'] },
      '2025-07-07T00:00:00Z',
    ],
    [
      'day and hour',
      '2025-07-05T09:00:00Z',
      { skipDays: ['Saturday'], skipHours: [0] },
      '2025-07-06T01:00:00Z',
    ],
    [
      'every hour skipped: unchanged',
      '2025-07-02T12:30:00Z',
      { skipHours: Array.from({ length: 24 }, (_, h) => h) },
      '2025-07-02T12:30:00Z',
    ],
    [
      'bad names ignored',
      '2025-07-02T12:30:00Z',
      { skipDays: ['Caturday'], skipHours: [99] },
      '2025-07-02T12:30:00Z',
    ],
  ];
  for (const [name, time, rules, expected] of table) {
    it(name, () =>
      assert.equal(
        new Date(applySkipRules(at(time), rules)).toISOString(),
        new Date(at(expected)).toISOString(),
      ),
    );
  }
  it('adds the offset after a move, within the hour', () => {
    assert.equal(
      applySkipRules(at('2025-07-02T12:30:00Z'), { skipHours: [12] }, 5 * MIN),
      at('2025-07-02T13:05:00Z'),
    );
  });
});

describe('adaptiveIntervalMs', () => {
  const table: ReadonlyArray<
    readonly [name: string, dates: number[], expected: number, learned: boolean]
  > = [
    ['no entries: default', [], P.defaultIntervalMs, false],
    ['one entry: default', [NOW - HOUR], P.defaultIntervalMs, false],
    [
      'all the same date: default',
      [NOW - HOUR, NOW - HOUR, NOW - HOUR],
      P.defaultIntervalMs,
      false,
    ],
    ['hourly publisher: clamped to min', series(10, HOUR), 30 * MIN, true],
    ['every 10 min: min', series(10, 10 * MIN), P.minIntervalMs, true],
    ['every 6 h: 3 h', series(10, 6 * HOUR), 3 * HOUR, true],
    ['daily, newest 2 h old: 12 h', series(10, DAY, 2 * HOUR), 12 * HOUR, true],
    ['weekly: max', series(10, 7 * DAY), P.maxIntervalMs, true],
    ['silent for 20 days: max', series(10, HOUR, 20 * DAY), P.maxIntervalMs, true],
    ['silent for 2 days slows an hourly feed to 6 h', series(10, HOUR, 2 * DAY), 6 * HOUR, true],
    ['future dates ignored', [NOW + 10 * DAY, ...series(10, 6 * HOUR)], 3 * HOUR, true],
    ['NaN ignored', [Number.NaN, ...series(5, 6 * HOUR)], 3 * HOUR, true],
    ['order does not matter', series(10, 6 * HOUR).reverse(), 3 * HOUR, true],
    // median, not mean: one long pause does not dominate
    [
      'median of gaps',
      [NOW, NOW - 4 * HOUR, NOW - 8 * HOUR, NOW - 12 * HOUR, NOW - 30 * DAY],
      2 * HOUR,
      true,
    ],
  ];
  for (const [name, dates, expected, learned] of table) {
    it(name, () =>
      assert.deepEqual(adaptiveIntervalMs(dates, NOW), { intervalMs: expected, learned }),
    );
  }
  it('only learns from the newest recentEntries', () => {
    const old = series(30, DAY, 40 * HOUR * 1).map((t) => t - 60 * DAY);
    const recent = series(20, 2 * HOUR);
    assert.equal(adaptiveIntervalMs([...recent, ...old], NOW).intervalMs, HOUR);
  });
});

describe('backoffDelayMs (full jitter)', () => {
  it('grows exponentially up to the cap', () => {
    const top = (n: number) => backoffDelayMs(n, P, () => 0.999999);
    assert.ok(Math.abs(top(1) - P.backoffBaseMs) < 1000);
    assert.ok(Math.abs(top(2) - 2 * P.backoffBaseMs) < 1000);
    assert.ok(Math.abs(top(4) - 8 * P.backoffBaseMs) < 1000);
    assert.ok(Math.abs(top(30) - P.backoffCapMs) < 1000);
    assert.ok(Math.abs(top(10_000) - P.backoffCapMs) < 1000);
  });
  it('is jittered over the whole range but never below minRetryMs', () => {
    assert.equal(
      backoffDelayMs(8, P, () => 0),
      P.minRetryMs,
    );
    assert.equal(
      backoffDelayMs(8, P, () => 0.5),
      Math.min(P.backoffCapMs, P.backoffBaseMs * 128) * 0.5,
    );
  });
  it('withJitter only lengthens', () => {
    assert.equal(
      withJitter(1000, 0.1, () => 0),
      1000,
    );
    assert.equal(
      withJitter(1000, 0.1, () => 0.5),
      1050,
    );
  });
});

describe('planNextFetch', () => {
  const ok = (hints = {}): FetchOutcome => ({ kind: 'ok', hints });
  const ctx = { now: NOW, random: fixed(0), recentPublishedAt: series(10, 6 * HOUR) };
  const failing = (failures: number, since: number): FeedScheduleState => ({
    health: 'backing_off',
    consecutiveFailures: failures,
    failingSince: since,
    consecutiveNotFound: 0,
  });

  it('schedules an active feed adaptively', () => {
    const plan = planNextFetch(INITIAL_SCHEDULE_STATE, ok(), ctx);
    assert.equal(plan.delayMs, 3 * HOUR);
    assert.equal(plan.reason, 'adaptive');
    assert.equal(plan.nextFetchAt, NOW + 3 * HOUR);
    assert.deepEqual(plan.state, INITIAL_SCHEDULE_STATE);
  });

  it('uses the default interval for a feed without dates', () => {
    const plan = planNextFetch(INITIAL_SCHEDULE_STATE, ok(), { now: NOW, random: fixed(0) });
    assert.equal(plan.delayMs, P.defaultIntervalMs);
    assert.equal(plan.reason, 'default');
  });

  it('lengthens the interval to what the publisher asks', () => {
    const plan = planNextFetch(INITIAL_SCHEDULE_STATE, ok({ ttlMinutes: 360 }), ctx);
    assert.equal(plan.delayMs, 6 * HOUR);
    assert.equal(plan.reason, 'publisher_hint');
  });

  it('never shortens because of a publisher hint', () => {
    const plan = planNextFetch(INITIAL_SCHEDULE_STATE, ok({ cacheControl: 'max-age=60' }), ctx);
    assert.equal(plan.delayMs, 3 * HOUR);
  });

  it('lets a publisher hint go past maxIntervalMs, up to maxHintMs', () => {
    const plan = planNextFetch(
      INITIAL_SCHEDULE_STATE,
      ok({ updatePeriod: 'daily', updateFrequency: 1 }),
      {
        ...ctx,
        config: { maxIntervalMs: 2 * HOUR },
      },
    );
    assert.equal(plan.delayMs, DAY);
  });

  it('adds positive jitter', () => {
    const plan = planNextFetch(INITIAL_SCHEDULE_STATE, ok(), { ...ctx, random: fixed(0.5) });
    assert.equal(plan.delayMs, 3 * HOUR * 1.05);
  });

  it('respects skipHours after jitter', () => {
    // 12:00 + 3 h = 15:00, a skipped hour -> 16:00
    const plan = planNextFetch(INITIAL_SCHEDULE_STATE, ok({ skipHours: [15] }), ctx);
    assert.equal(new Date(plan.nextFetchAt).toISOString(), '2025-07-02T16:00:00.000Z');
  });

  it('a success resets a failing, parked or gone feed', () => {
    for (const health of ['backing_off', 'parked', 'gone'] as const) {
      const plan = planNextFetch(
        { ...failing(40, NOW - 30 * DAY), health, consecutiveNotFound: 5 },
        ok(),
        ctx,
      );
      assert.deepEqual(plan.state, INITIAL_SCHEDULE_STATE);
    }
  });

  it('backs off exponentially on errors and records the streak', () => {
    let state: FeedScheduleState = INITIAL_SCHEDULE_STATE;
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const plan = planNextFetch(state, { kind: 'error' }, { now: NOW, random: fixed(0.999999) });
      delays.push(Math.round(plan.delayMs / MIN));
      state = plan.state;
      assert.equal(plan.reason, 'backoff');
    }
    assert.deepEqual(delays, [5, 10, 20, 40, 80]);
    assert.equal(state.consecutiveFailures, 5);
    assert.equal(state.failingSince, NOW);
    assert.equal(state.health, 'backing_off');
  });

  it('parks a feed only after many failures over a long time, and keeps probing it', () => {
    const manyButRecent = planNextFetch(
      failing(50, NOW - HOUR),
      { kind: 'error' },
      { now: NOW, random: fixed(0) },
    );
    assert.equal(manyButRecent.state.health, 'backing_off');
    const longButFew = planNextFetch(
      failing(3, NOW - 10 * DAY),
      { kind: 'error' },
      { now: NOW, random: fixed(0) },
    );
    assert.equal(longButFew.state.health, 'backing_off');
    const parked = planNextFetch(
      failing(P.parkAfterFailures - 1, NOW - P.parkAfterMs),
      { kind: 'error' },
      { now: NOW, random: fixed(0) },
    );
    assert.equal(parked.state.health, 'parked');
    assert.equal(parked.reason, 'parked');
    assert.equal(parked.delayMs, P.parkedProbeMs);
    const stillParked = planNextFetch(
      parked.state,
      { kind: 'error' },
      { now: NOW + DAY, random: fixed(0) },
    );
    assert.equal(stillParked.state.health, 'parked');
    assert.ok(Number.isFinite(stillParked.nextFetchAt), 'a parked feed is never dropped');
  });

  it('honours Retry-After seconds on 429', () => {
    const plan = planNextFetch(
      INITIAL_SCHEDULE_STATE,
      { kind: 'throttled', status: 429, retryAfter: '7200' },
      ctx,
    );
    assert.equal(plan.delayMs, 2 * HOUR);
    assert.equal(plan.reason, 'retry_after');
    assert.equal(plan.state.consecutiveFailures, 1);
  });

  it('honours a Retry-After date on 503, read on the server clock', () => {
    const serverNow = NOW - 5 * MIN;
    const plan = planNextFetch(
      INITIAL_SCHEDULE_STATE,
      {
        kind: 'throttled',
        status: 503,
        retryAfter: new Date(serverNow + 30 * MIN).toUTCString(),
        serverDate: new Date(serverNow).toUTCString(),
      },
      ctx,
    );
    assert.equal(plan.delayMs, 30 * MIN);
  });

  it('caps Retry-After and enforces the minimum retry', () => {
    const far = planNextFetch(
      INITIAL_SCHEDULE_STATE,
      { kind: 'throttled', status: 429, retryAfter: String(365 * 24 * 3600) },
      ctx,
    );
    assert.equal(far.delayMs, P.maxRetryAfterMs);
    const zero = planNextFetch(
      INITIAL_SCHEDULE_STATE,
      { kind: 'throttled', status: 429, retryAfter: '0' },
      ctx,
    );
    assert.equal(zero.delayMs, P.minRetryMs);
  });

  it('falls back to backoff when a 429 has no usable Retry-After', () => {
    const plan = planNextFetch(
      INITIAL_SCHEDULE_STATE,
      { kind: 'throttled', status: 429, retryAfter: 'later' },
      { now: NOW, random: fixed(0.999999) },
    );
    assert.equal(plan.reason, 'backoff');
    assert.equal(Math.round(plan.delayMs / MIN), 5);
  });

  it('marks a feed gone on 410 at once and probes it rarely', () => {
    const plan = planNextFetch(
      INITIAL_SCHEDULE_STATE,
      { kind: 'not_found', status: 410 },
      { now: NOW, random: fixed(0) },
    );
    assert.equal(plan.state.health, 'gone');
    assert.equal(plan.delayMs, P.goneProbeMs);
  });

  it('marks a feed gone after repeated 404s only', () => {
    let state: FeedScheduleState = INITIAL_SCHEDULE_STATE;
    const health: string[] = [];
    for (let i = 0; i < P.goneAfterNotFound; i += 1) {
      state = planNextFetch(
        state,
        { kind: 'not_found', status: 404 },
        { now: NOW, random: fixed(0) },
      ).state;
      health.push(state.health);
    }
    assert.deepEqual(health, ['backing_off', 'backing_off', 'gone']);
    const interrupted = planNextFetch(
      { ...state, consecutiveNotFound: 2, health: 'backing_off' },
      { kind: 'error' },
      { now: NOW, random: fixed(0) },
    );
    assert.equal(interrupted.state.consecutiveNotFound, 0);
  });
});

describe('outcome mapping', () => {
  const table: ReadonlyArray<readonly [err: unknown, kind: FetchOutcome['kind']]> = [
    [
      new FetchError('http_status', 'HTTP 429', { status: 429, headers: { retryAfter: '60' } }),
      'throttled',
    ],
    [new FetchError('http_status', 'HTTP 503', { status: 503 }), 'throttled'],
    [new FetchError('http_status', 'HTTP 404', { status: 404 }), 'not_found'],
    [new FetchError('http_status', 'HTTP 410', { status: 410 }), 'not_found'],
    [new FetchError('http_status', 'HTTP 500', { status: 500 }), 'error'],
    [new FetchError('timeout', 'slow'), 'error'],
    [new FetchError('ssrf_refused', 'no'), 'error'],
    [new Error('boom'), 'error'],
  ];
  for (const [err, kind] of table) {
    it(`${(err as Error).message} -> ${kind}`, () => assert.equal(outcomeOfError(err).kind, kind));
  }
  it('carries Retry-After and the server date', () => {
    const err = new FetchError('http_status', 'HTTP 429', {
      status: 429,
      headers: { retryAfter: '60', date: 'x' },
    });
    assert.deepEqual(outcomeOfError(err), {
      kind: 'throttled',
      status: 429,
      retryAfter: '60',
      serverDate: 'x',
    });
  });
  it('accepts parseFeed schedule hints as they are', () => {
    const schedule = {
      ttlMinutes: 90,
      skipHours: [1],
      skipDays: ['Sunday'],
      syndicationPeriodMinutes: 60,
    } as const;
    const plan = planNextFetch(INITIAL_SCHEDULE_STATE, outcomeOfSuccess({}, schedule), {
      now: NOW,
      random: fixed(0),
    });
    assert.equal(plan.delayMs, 90 * MIN);
    assert.equal(plan.reason, 'publisher_hint');
  });
  it('merges feed hints with caching headers', () => {
    const outcome = outcomeOfSuccess(
      { cacheControl: 'max-age=60', etag: '"x"' },
      { ttlMinutes: 5 },
    );
    assert.deepEqual(outcome, {
      kind: 'ok',
      hints: {
        ttlMinutes: 5,
        cacheControl: 'max-age=60',
        expires: undefined,
        date: undefined,
        age: undefined,
      },
    });
  });
});
