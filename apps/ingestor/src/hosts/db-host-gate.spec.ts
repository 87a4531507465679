import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FeedClaims } from '../feeds/feed-claims.js';
import type { IngestorEnv } from '../env.js';
import { InProcessHostGate } from '../fetch/host-limiter.js';
import { DbHostGate } from './db-host-gate.js';
import { HostThrottle, hostObservations } from './host-throttle.js';
import { SharedHostGate } from './shared-host-gate.js';
import { scratchDatabase } from './testing-db.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('hosts table: politeness shared by replicas', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  before(async () => {
    db = await scratchDatabase();
  });
  after(async () => db.drop());

  const gate = (options: Partial<ConstructorParameters<typeof DbHostGate>[1]> = {}) =>
    new DbHostGate(db.runner, {
      maxConcurrent: 2,
      minDelayMs: 0,
      permitTtlMs: 60_000,
      busyRetryMs: 5,
      ...options,
    });

  it('never lets two replicas exceed the per-host concurrency, and serves everyone', async () => {
    const replicas = [
      new SharedHostGate(new InProcessHostGate({ maxConcurrentPerHost: 2, minDelayMs: 0 }), gate()),
      new SharedHostGate(new InProcessHostGate({ maxConcurrentPerHost: 2, minDelayMs: 0 }), gate()),
    ];
    let active = 0;
    let peak = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const permit = await replicas[i % 2]!.acquire('busy.example');
        active += 1;
        peak = Math.max(peak, active);
        await sleep(15);
        active -= 1;
        done += 1;
        await permit.release();
      }),
    );
    assert.equal(done, 24);
    assert.equal(peak, 2);
  });

  it('spaces the starts of requests to one host across replicas', async () => {
    const [a, b] = [gate({ minDelayMs: 150 }), gate({ minDelayMs: 150 })];
    const asked: number[] = [];
    const granted: number[] = [];
    for (const replica of [a, b, a]) {
      asked.push(Date.now());
      const permit = await replica.acquire('slow.example');
      granted.push(Date.now());
      await permit.release();
    }
    // A grant happens between asking and hearing back, so each grant is heard at least 150 ms
    // after the one before was asked for, however late that one was heard (1 ms: Date.now()
    // truncates); comparing the times heard alone failed when the first answer came late.
    for (const i of [1, 2]) {
      const apart = granted[i]! - asked[i - 1]!;
      assert.ok(apart >= 149, `grant ${i + 1} heard ${apart} ms after grant ${i} was asked for`);
    }
  });

  it('refuses permits while the host is deferred and says until when', async () => {
    const shared = gate();
    const until = Date.now() + 2000;
    await shared.deferHost('deferred.example', until);
    const result = await shared.tryAcquire('deferred.example');
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(Math.abs(result.retryAt - until) < 50, `${result.retryAt - until}`);
  });

  it('forgets permits of a replica that died once they expire', async () => {
    const dying = gate({ permitTtlMs: 100 });
    assert.equal((await dying.tryAcquire('orphan.example')).ok, true);
    assert.equal((await dying.tryAcquire('orphan.example')).ok, true);
    assert.equal((await dying.tryAcquire('orphan.example')).ok, false, 'two permits are out');
    await sleep(150);
    assert.equal((await gate().tryAcquire('orphan.example')).ok, true);
  });

  it('defers a whole host when most of its feeds answer 429, and claims skip it', async () => {
    const host = 'throttling.example';
    const ids = Array.from({ length: 4 }, () => randomUUID());
    for (const [i, id] of ids.entries()) {
      await db.runner.query(
        `INSERT INTO feeds (id, url, last_fetched_at, last_status) VALUES ($1, $2, now(), $3)`,
        [id, `https://${host}/feed-${i}.xml`, i < 2 ? 429 : 200],
      );
    }
    const shared = gate();
    const throttle = new HostThrottle(db.runner as unknown as DataSource, shared, {
      windowMs: 60_000,
      minThrottledFeeds: 3,
      minThrottledShare: 0.5,
      baseDeferMs: 60_000,
      maxDeferMs: 3_600_000,
    });
    const now = Date.now();
    const decision = await throttle.throttled(host, {
      feedId: ids[2]!,
      at: now,
      throttled: true,
      retryAfterMs: 120_000,
    });
    assert.equal(decision.defer, true);
    const [row] = await db.runner.query(
      `SELECT deferred_until, strikes FROM hosts WHERE host = $1`,
      [host],
    );
    assert.equal(row!.strikes, 1);
    assert.ok(Math.abs(new Date(row!.deferred_until as Date).getTime() - (now + 120_000)) < 2000);

    const env = {
      INGESTOR_WORKER_ID: 'spec',
      FEED_LEASE_SECONDS: 60,
      HOST_MAX_CONCURRENCY: 2,
      HOST_MIN_DELAY_MS: 0,
    } as IngestorEnv;
    const claims = new FeedClaims(db.runner as unknown as DataSource, env);
    await db.runner.query(
      `INSERT INTO feeds (id, url) VALUES ($1, 'https://fine.example/a'), ($2, 'https://fine.example/b'), ($3, 'https://fine.example/c')`,
      [randomUUID(), randomUUID(), randomUUID()],
    );
    const claimed = await claims.claimDue(50);
    assert.ok(
      claimed.every((feed) => feed.host !== host),
      'no feed of the deferred host is claimed',
    );
    assert.equal(
      claimed.filter((feed) => feed.host === 'fine.example').length,
      2,
      'at most 2 per host per claim',
    );
  });
});

describe('hostObservations', () => {
  it('takes each feed latest answer from its row and the current answer for its own feed', () => {
    const at = Date.parse('2026-01-01T00:00:00Z');
    const observations = hostObservations(
      [
        { id: 'a', last_fetched_at: new Date(at - 1000), last_status: 503 },
        { id: 'b', last_fetched_at: new Date(at - 1000), last_status: 304 },
        { id: 'c', last_fetched_at: new Date(at - 1000), last_status: 200 },
      ],
      { feedId: 'c', at, throttled: true, retryAfterMs: 5000 },
    );
    assert.deepEqual(
      observations.map((o) => [o.feedId, o.throttled]),
      [
        ['a', true],
        ['b', false],
        ['c', true],
      ],
    );
  });
});
