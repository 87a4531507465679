import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rssFeed } from '../support/feed-server.js';
import { conditional, FeedFarm, IngestorReplica } from '../support/replicas.js';
import { Stack } from '../support/stack.js';
import { sleep, waitFor } from '../support/wait.js';

const FEEDS = 200;
const HOST_LIMIT = 6;

/**
 * Two ingestor processes share 200 feeds of one host: leases keep any feed from being fetched by
 * both at once, the hosts table keeps the host under its concurrency limit across both, and
 * between them every feed is polled (again and again, at a 1 s interval).
 */
describe('ingestor: two replicas share the feeds without overlapping', () => {
  const farm = new FeedFarm();
  const stack = new Stack({ services: [] });
  const replicas: IngestorReplica[] = [];

  before(async () => {
    await farm.start();
    for (let n = 0; n < FEEDS; n += 1) {
      const body = rssFeed(`Feed ${n}`, [
        {
          guid: `f${n}`,
          title: `Story number ${n} of the replica farm`,
          description: `Long enough text for a fingerprint of story ${n}, which nobody else publishes.`,
        },
      ]);
      farm.routes.set(
        `/f/${n}.xml`,
        conditional(() => ({ etag: `"f${n}"`, body }), { delayMs: 25 }),
      );
    }
    await stack.start();
    await stack.query(`INSERT INTO feeds (id, url) SELECT * FROM unnest($1::uuid[], $2::text[])`, [
      Array.from({ length: FEEDS }, () => randomUUID()),
      Array.from({ length: FEEDS }, (_, n) => `${farm.baseUrl}/f/${n}.xml`),
    ]);
    const env = (worker: string) => ({
      FETCH_USER_AGENT: `newsfeed-test/${worker}`,
      FETCH_CONCURRENCY: '24',
      HOST_MAX_CONCURRENCY: String(HOST_LIMIT),
      HOST_MIN_DELAY_MS: '0',
      FEED_MIN_INTERVAL_SECONDS: '1',
      FEED_MAX_INTERVAL_SECONDS: '1',
      FEED_DEFAULT_INTERVAL_SECONDS: '1',
    });
    for (const worker of ['replica-a', 'replica-b']) {
      replicas.push(new IngestorReplica(stack, worker, env(worker)));
    }
    await Promise.all(replicas.map((replica) => replica.start()));
  });

  after(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await stack.stop();
    await farm.stop();
  });

  it('fetches every feed, never one feed twice at once, never above the host limit', async () => {
    await waitFor(
      'every feed polled twice',
      async () => {
        const counts = new Map<string, number>();
        for (const request of farm.requests)
          counts.set(request.path, (counts.get(request.path) ?? 0) + 1);
        return counts.size === FEEDS && [...counts.values()].every((n) => n >= 2)
          ? true
          : undefined;
      },
      20_000,
      200,
    );
    await sleep(500);
    const overlapping = [...farm.peakPerPath].filter(([, peak]) => peak > 1);
    assert.deepEqual(overlapping, [], 'no feed was fetched twice at the same time');
    assert.ok(farm.peakTotal <= HOST_LIMIT, `peak ${farm.peakTotal} requests at once to the host`);
    assert.ok(farm.peakTotal >= 2, 'the replicas did fetch in parallel');
    const agents = new Set(farm.requests.map((request) => request.headers['user-agent']));
    assert.deepEqual([...agents].sort(), ['newsfeed-test/replica-a', 'newsfeed-test/replica-b']);
    const statuses = await stack.query<{ last_status: number; n: number }>(
      'SELECT last_status, count(*)::int AS n FROM feeds GROUP BY 1 ORDER BY 1',
    );
    assert.ok(
      statuses.every((row) => row.last_status === 200 || row.last_status === 304),
      JSON.stringify(statuses),
    );
    const [articles] = await stack.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    assert.equal(articles!.n, FEEDS, 'each story stored once');
    const conditionalPolls = farm.requests.filter((request) => request.headers['if-none-match']);
    assert.ok(conditionalPolls.length >= FEEDS, 're-polls are conditional');
  });
});
