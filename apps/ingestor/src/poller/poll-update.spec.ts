import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClaimedFeed } from '../feeds/claimed-feed.js';
import { FetchError } from '#net';
import type { FetchResult } from '../fetch/http-fetcher.js';
import type { RedirectHop } from '#net';
import type { ParsedFeed } from '../parse/types.js';
import { failureUpdate, mergePublished, successUpdate, type PollContext } from './poll-update.js';

const MIN = 60_000;
const NOW = Date.parse('2026-03-04T10:00:00Z');

const ctx = (random = 0): PollContext => ({
  now: NOW,
  random: () => random,
  policy: { minIntervalMs: 10 * MIN, maxIntervalMs: 24 * 60 * MIN, defaultIntervalMs: 60 * MIN },
  moveConfirmations: 3,
});

const feed = (over: Partial<ClaimedFeed> = {}): ClaimedFeed => ({
  id: '6f1c2a8e-0000-4000-8000-000000000001',
  url: 'https://old.example/feed.xml',
  host: 'old.example',
  title: null,
  etag: '"v1"',
  lastModified: null,
  intervalSeconds: 3600,
  status: 'active',
  language: null,
  health: 'active',
  consecutiveFailures: 0,
  failingSince: null,
  consecutiveNotFound: 0,
  redirectCandidate: null,
  redirectStreak: 0,
  recentPublishedAt: [],
  publisherHints: {},
  ...over,
});

const fetched = (over: Partial<FetchResult> = {}): FetchResult => ({
  notModified: false,
  status: 200,
  headers: { etag: '"v2"', lastModified: 'Tue, 03 Mar 2026 10:00:00 GMT' },
  body: Buffer.alloc(0),
  bytes: 100,
  wireBytes: 100,
  durationMs: 5,
  finalUrl: 'https://old.example/feed.xml',
  redirects: [],
  ...over,
});

const notModified = (over: Partial<FetchResult> = {}) =>
  fetched({ notModified: true, status: 304, headers: { etag: '"changed-on-304"' }, ...over });

const parsed = (over: Partial<ParsedFeed> = {}): ParsedFeed => ({
  format: 'rss',
  version: '2.0',
  title: 'Old news',
  links: [],
  authors: [],
  categories: [],
  schedule: { skipHours: [], skipDays: [] },
  entries: [],
  ...over,
});

const entry = (published: string) => ({
  published,
  links: [],
  authors: [],
  categories: [],
  enclosures: [],
});

const hop = (status: number, to = 'https://new.example/feed.xml'): RedirectHop => ({
  from: 'https://old.example/feed.xml',
  to,
  status,
});

describe('successUpdate', () => {
  it('stores validators, title and publication times only when the document was read', () => {
    const doc = parsed({ entries: [entry('2026-03-04T09:00:00Z'), entry('2026-03-04T08:00:00Z')] });
    const changed = successUpdate(feed(), fetched(), doc, ctx());
    assert.equal(changed.outcome, 'changed');
    assert.deepEqual(changed.validators, {
      etag: '"v2"',
      lastModified: 'Tue, 03 Mar 2026 10:00:00 GMT',
    });
    assert.equal(changed.title, 'Old news');
    assert.deepEqual(changed.recentPublishedAt, [
      Date.parse('2026-03-04T09:00:00Z'),
      Date.parse('2026-03-04T08:00:00Z'),
    ]);

    const unchanged = successUpdate(feed(), notModified(), undefined, ctx());
    assert.equal(unchanged.outcome, 'not_modified');
    assert.equal(unchanged.validators, undefined, 'an ETag sent with a 304 is not stored');
    assert.equal(unchanged.recentPublishedAt, undefined);
  });

  it('learns the interval from publication times: hourly posts give a 30-minute poll', () => {
    const hourly = Array.from({ length: 6 }, (_, i) => NOW - i * 60 * MIN);
    const update = successUpdate(
      feed({ recentPublishedAt: hourly }),
      notModified(),
      undefined,
      ctx(),
    );
    assert.equal(update.nextFetchAt.getTime() - NOW, 30 * MIN);
    assert.equal(update.intervalSeconds, 30 * 60);
  });

  it('honours the stored document ttl on a 304 and Cache-Control max-age', () => {
    const ttl = successUpdate(
      feed({ publisherHints: { ttlMinutes: 180 } }),
      notModified(),
      undefined,
      ctx(),
    );
    assert.equal(ttl.nextFetchAt.getTime() - NOW, 180 * MIN);
    const cached = successUpdate(
      feed(),
      notModified({ headers: { cacheControl: 'max-age=7200' } }),
      undefined,
      ctx(),
    );
    assert.equal(cached.nextFetchAt.getTime() - NOW, 120 * MIN);
  });

  it('clears the failure streak of a feed that answers again', () => {
    const update = successUpdate(
      feed({
        health: 'parked',
        status: 'parked',
        consecutiveFailures: 12,
        failingSince: new Date(NOW - 5e8),
      }),
      notModified(),
      undefined,
      ctx(),
    );
    assert.equal(update.health, 'active');
    assert.equal(update.status, 'active');
    assert.equal(update.consecutiveFailures, 0);
    assert.equal(update.failingSince, null);
  });

  it('moves the URL only after three polls permanently redirected to the same place', () => {
    let state = feed();
    for (const poll of [1, 2]) {
      const update = successUpdate(state, notModified({ redirects: [hop(301)] }), undefined, ctx());
      assert.equal(update.movedTo, undefined, `poll ${poll} does not move yet`);
      assert.equal(update.redirectStreak, poll);
      state = feed({
        redirectCandidate: update.redirectCandidate,
        redirectStreak: update.redirectStreak,
      });
    }
    const third = successUpdate(state, notModified({ redirects: [hop(308)] }), undefined, ctx());
    assert.equal(third.movedTo, 'https://new.example/feed.xml');
    assert.equal(third.redirectStreak, 0);
  });

  it('never moves for a temporary redirect, which also resets the streak', () => {
    const state = feed({ redirectCandidate: 'https://new.example/feed.xml', redirectStreak: 2 });
    const update = successUpdate(
      state,
      notModified({ redirects: [hop(301), hop(302)] }),
      undefined,
      ctx(),
    );
    assert.equal(update.movedTo, undefined);
    assert.equal(update.redirectStreak, 0);
    assert.equal(update.redirectCandidate, null);
  });

  it('moves at once to a URL the publisher declares with itunes:new-feed-url', () => {
    const update = successUpdate(
      feed(),
      fetched(),
      parsed({ newFeedUrl: 'https://podcasts.example/new.xml' }),
      ctx(),
    );
    assert.equal(update.movedTo, 'https://podcasts.example/new.xml');
  });
});

describe('failureUpdate', () => {
  const httpError = (status: number, headers = {}) =>
    new FetchError('http_status', `HTTP ${status}`, { status, headers });

  it('defers a feed by its Retry-After on 429', () => {
    const { update, telemetry, outcome } = failureUpdate(
      feed(),
      httpError(429, { retryAfter: '3600' }),
      ctx(0.5),
    );
    assert.equal(outcome.kind, 'throttled');
    assert.equal(telemetry, 'http_error');
    assert.equal(update.nextFetchAt.getTime() - NOW, 3600_000);
    assert.equal(update.health, 'backing_off');
    assert.equal(update.consecutiveFailures, 1);
    assert.equal(update.failingSince?.getTime(), NOW);
    assert.equal(update.httpStatus, 429);
  });

  it('marks a feed gone on 410 at once, but on 404 only after three in a row', () => {
    const gone = failureUpdate(feed(), httpError(410), ctx());
    assert.equal(gone.update.health, 'gone');
    assert.equal(gone.update.status, 'gone');
    assert.equal(gone.telemetry, 'gone');

    const first404 = failureUpdate(feed(), httpError(404), ctx());
    assert.equal(first404.update.health, 'backing_off');
    assert.equal(first404.telemetry, 'http_error');
    const third404 = failureUpdate(
      feed({ consecutiveNotFound: 2, consecutiveFailures: 2 }),
      httpError(404),
      ctx(),
    );
    assert.equal(third404.update.health, 'gone');
  });

  it('backs off exponentially with full jitter, bounded by the cap', () => {
    const config = {
      ...ctx(0.999),
      policy: { ...ctx().policy, backoffBaseMs: MIN, backoffCapMs: 30 * MIN },
    };
    const delays = [1, 3, 10].map(
      (failures) =>
        failureUpdate(
          feed({ consecutiveFailures: failures - 1 }),
          new FetchError('timeout', 'slow'),
          config,
        ).update.nextFetchAt.getTime() - NOW,
    );
    assert.ok(delays[0]! < delays[1]! && delays[1]! <= delays[2]!, delays.join(','));
    assert.ok(delays[2]! <= 30 * MIN);
  });

  it('parks a feed after a long failure streak and keeps probing it', () => {
    const state = feed({ consecutiveFailures: 9, failingSince: new Date(NOW - 4 * 24 * 60 * MIN) });
    const { update } = failureUpdate(state, new FetchError('network', 'ECONNREFUSED'), ctx());
    assert.equal(update.health, 'parked');
    assert.equal(update.status, 'parked');
    assert.equal(update.nextFetchAt.getTime() - NOW, 24 * 60 * MIN);
  });

  it('names refused, network and parse failures for telemetry', () => {
    assert.equal(
      failureUpdate(feed(), new FetchError('ssrf_refused', 'loopback'), ctx()).telemetry,
      'refused',
    );
    assert.equal(
      failureUpdate(feed(), new FetchError('timeout', 'slow'), ctx()).telemetry,
      'network_error',
    );
    const parse = failureUpdate(feed(), new Error('not a feed'), ctx());
    assert.equal(parse.telemetry, 'parse_error');
    assert.equal(parse.update.error, 'not a feed');
  });
});

describe('mergePublished', () => {
  it('keeps the newest distinct times, stored and new together', () => {
    const doc = parsed({ entries: [entry('2026-03-04T09:00:00Z'), entry('not a date')] });
    const stored = [Date.parse('2026-03-04T09:00:00Z'), Date.parse('2026-03-01T00:00:00Z')];
    assert.deepEqual(mergePublished(stored, doc), stored);
  });
});
