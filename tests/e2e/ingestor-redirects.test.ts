import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rssFeed } from '../support/feed-server.js';
import { feedRow, insertFeed, POLL_EVERY_SECOND, type FeedRow } from '../support/ingestor.js';
import { conditional, FeedFarm } from '../support/replicas.js';
import { Stack } from '../support/stack.js';
import { sleep, waitFor } from '../support/wait.js';

const story = (guid: string, title: string) => ({
  guid,
  title,
  description:
    'A long enough description so that the content fingerprint of this entry is computed and ' +
    'the article is stored like any other news item would be.',
});

/**
 * Retry-After (per feed and host-wide), permanent and temporary redirects and gone feeds, polled
 * every second.
 */
describe('ingestor: throttling, redirects and gone feeds through the real stack', () => {
  const farm = new FeedFarm();
  const busyHost = new FeedFarm('127.0.0.3');
  const stack = new Stack({
    services: ['ingestor'],
    env: {
      ingestor: POLL_EVERY_SECOND,
    },
  });

  const subscribe = (path: string, server = farm) => insertFeed(stack, `${server.baseUrl}${path}`);

  const feed = (id: string) => feedRow(stack, id);

  const until = (what: string, id: string, test: (row: FeedRow) => boolean, timeoutMs = 10_000) =>
    waitFor<FeedRow>(
      what,
      async () => {
        const row = await feed(id);
        return test(row) ? row : undefined;
      },
      timeoutMs,
      50,
    );

  before(async () => {
    await farm.start();
    farm.routes.set('/throttled.xml', () => ({
      status: 429,
      headers: { 'retry-after': '3600' },
      body: 'slow down',
    }));
    farm.routes.set('/old.xml', () => ({ status: 301, headers: { location: '/mid.xml' } }));
    farm.routes.set('/mid.xml', () => ({ status: 308, headers: { location: '/new.xml' } }));
    farm.routes.set(
      '/new.xml',
      conditional(() => ({
        etag: '"n1"',
        body: rssFeed('Moved', [story('m-1', 'Moved feed story')]),
      })),
    );
    farm.routes.set('/temp.xml', () => ({
      status: 302,
      headers: { location: '/temp-target.xml' },
    }));
    farm.routes.set(
      '/temp-target.xml',
      conditional(() => ({
        etag: '"t1"',
        body: rssFeed('Temp', [story('t-1', 'Temporarily elsewhere')]),
      })),
    );
    farm.routes.set('/gone.xml', () => ({ status: 410, body: 'gone' }));
    await busyHost.start();
    for (const n of [1, 2, 3]) {
      busyHost.routes.set(`/busy-${n}.xml`, () => ({
        status: 503,
        headers: { 'retry-after': '600' },
      }));
    }
    busyHost.routes.set('/fine.xml', () => ({
      body: rssFeed('Fine', [story('fine-1', 'Fine story')]),
    }));
    await stack.start();
  });

  after(async () => {
    await stack.stop();
    await farm.stop();
    await busyHost.stop();
  });

  it('defers a feed answering 429 by its Retry-After', async () => {
    const id = await subscribe('/throttled.xml');
    const row = await until('the 429 recorded', id, (current) => current.last_status === 429);
    const delay = new Date(row.next_fetch_at).getTime() - Date.now();
    assert.ok(delay > 3590_000 && delay <= 3600_000, `next fetch in ${delay} ms`);
    assert.equal(row.health, 'backing_off');
    await sleep(1500);
    assert.equal(farm.hits('/throttled.xml').length, 1, 'not polled again within the Retry-After');
  });

  it('follows a 301/308 chain and stores the new URL only after three polls; never for 302', async () => {
    const [moving, temporary] = [await subscribe('/old.xml'), await subscribe('/temp.xml')];
    const first = await until(
      'the first redirected poll',
      moving,
      (row) => row.redirect_count === 1,
    );
    assert.ok(first.url.endsWith('/old.xml'), 'one permanent redirect does not move the feed');
    assert.ok(first.redirect_url?.endsWith('/new.xml'));
    const second = await until(
      'the second redirected poll',
      moving,
      (row) => row.redirect_count === 2,
    );
    assert.ok(second.url.endsWith('/old.xml'));
    const moved = await until('the move', moving, (row) => row.url.endsWith('/new.xml'));
    assert.equal(moved.redirect_count, 0);
    assert.equal(farm.hits('/old.xml').length, 3, 'moved on the third permanent redirect');
    await waitFor('polls of the new URL itself', async () =>
      farm.hits('/new.xml').length >= 5 ? true : undefined,
    );
    assert.equal(farm.hits('/old.xml').length, 3, 'the old URL is not polled after the move');

    assert.ok(farm.hits('/temp.xml').length >= 4, 'the 302 feed was polled as often');
    const temp = await feed(temporary);
    assert.ok(temp.url.endsWith('/temp.xml'), 'a 302 never moves the feed');
    assert.equal(temp.redirect_count, 0);
  });

  it('defers the whole host when three of its feeds answer 503, for every feed of it', async () => {
    for (const n of [1, 2, 3]) await subscribe(`/busy-${n}.xml`, busyHost);
    const [host] = await waitFor('the host deferral', async () => {
      const rows = await stack.query<{ deferred_until: Date | null; strikes: number }>(
        `SELECT deferred_until, strikes FROM hosts WHERE host = '127.0.0.3'`,
      );
      return rows[0]?.deferred_until ? rows : undefined;
    });
    const deferredFor = new Date(host!.deferred_until!).getTime() - Date.now();
    assert.ok(deferredFor > 590_000 && deferredFor <= 600_000, `deferred for ${deferredFor} ms`);
    assert.equal(host!.strikes, 1);
    const fine = await subscribe('/fine.xml', busyHost);
    await sleep(1500);
    assert.equal(
      busyHost.hits('/fine.xml').length,
      0,
      'a due feed of a deferred host is not claimed',
    );
    assert.equal((await feed(fine)).last_fetched_at, null);
    assert.equal(farm.hits('/new.xml').length > 0, true, 'other hosts are polled as usual');
  });

  it('marks a feed answering 410 gone, still scheduled for a probe', async () => {
    const id = await subscribe('/gone.xml');
    const row = await until('gone', id, (current) => current.health === 'gone');
    assert.equal(row.status, 'gone');
    assert.equal(row.last_outcome, 'gone');
    assert.ok(new Date(row.next_fetch_at).getTime() > Date.now() + 86_400_000);
  });
});
