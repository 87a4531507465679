import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TOPICS } from '#contracts';
import { rssFeed } from '../support/feed-server.js';
import { feedRow, insertFeed, POLL_EVERY_SECOND } from '../support/ingestor.js';
import { collectTopic, conditional, FeedFarm } from '../support/replicas.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

const story = (guid: string, title: string, description: string, link?: string) => ({
  guid,
  title,
  description,
  ...(link ? { link } : {}),
});

const LONG =
  'The harbour authority said on Tuesday that the new breakwater would be finished before the ' +
  'winter storms, after two years of delays caused by supply problems and a wet summer.';

/**
 * The ingestor against a local farm through the real stack: conditional GET, versions, cross-feed
 * dedup, gzip and an unreadable document side by side.
 */
describe('ingestor: HTTP behaviour through the real stack', () => {
  const farm = new FeedFarm();
  const stack = new Stack({
    services: ['ingestor'],
    env: {
      ingestor: {
        ...POLL_EVERY_SECOND,
        FEED_BACKOFF_BASE_SECONDS: '1',
        FEED_BACKOFF_CAP_SECONDS: '2',
      },
    },
  });
  let editVersion = 1;
  let growth = 2;
  let ingested: Awaited<ReturnType<typeof collectTopic>>;
  const ids = new Map<string, string>();

  const feed = (name: string) => feedRow(stack, ids.get(name)!);

  const subscribe = async (name: string, path: string) => {
    ids.set(name, await insertFeed(stack, `${farm.baseUrl}${path}`));
  };

  before(async () => {
    await farm.start();
    const shared = story(
      'shared-a',
      'Breakwater to be finished before winter',
      LONG,
      'https://harbour.example/breakwater?utm_source=a',
    );
    farm.routes.set(
      '/cond.xml',
      conditional(() => ({
        etag: '"c1"',
        body: rssFeed('Conditional', [
          story('c-1', 'First conditional story', LONG),
          story('c-2', 'Second conditional story', `${LONG} Again.`),
        ]),
      })),
    );
    farm.routes.set(
      '/edit.xml',
      conditional(() => ({
        etag: `"e${editVersion}"`,
        body: rssFeed('Edited', [
          story(
            'edit-1',
            'Council approves the budget',
            editVersion === 1 ? LONG : `${LONG} Updated: the vote was 31 to 12.`,
          ),
        ]),
      })),
    );
    // No validators: every poll is a 200 that repeats, byte for byte, the entries already stored.
    farm.routes.set('/grow.xml', () => ({
      body: rssFeed(
        'Growing',
        Array.from({ length: growth }, (_, i) => ({
          ...story(`grow-${i}`, `Growing story ${i}`, LONG),
          pubDate: 'Tue, 24 Nov 2026 08:00:00 GMT',
        })),
      ),
    }));
    farm.routes.set('/a.xml', () => ({ body: rssFeed('Feed A', [shared]) }));
    farm.routes.set('/b.xml', () => ({
      body: rssFeed('Feed B', [
        { ...shared, guid: 'other-guid-b', link: 'https://HARBOUR.example/breakwater?fbclid=xyz' },
      ]),
    }));
    farm.routes.set(
      '/gz.xml',
      conditional(
        () => ({
          etag: '"g1"',
          body: rssFeed('Gzip', [story('gz-1', 'Compressed story arrives intact', LONG)]),
        }),
        { gzip: true },
      ),
    );
    farm.routes.set('/page.xml', () => ({
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><html><body><p>Not a feed at all</p></body></html>',
    }));
    await stack.start();
    ingested = await collectTopic(stack.kafka, stack.topicPrefix, TOPICS.articleIngested);
    for (const [name, path] of Object.entries({
      cond: '/cond.xml',
      edit: '/edit.xml',
      a: '/a.xml',
      b: '/b.xml',
      gz: '/gz.xml',
      page: '/page.xml',
      grow: '/grow.xml',
    })) {
      await subscribe(name, path);
    }
  });

  after(async () => {
    await ingested?.stop();
    await stack.stop();
    await farm.stop();
  });

  it('re-polls with If-None-Match and stores nothing new on 304', async () => {
    await waitFor(
      'a 304 answer',
      async () => ((await feed('cond')).last_status === 304 ? true : undefined),
      15_000,
    );
    const polls = farm.hits('/cond.xml');
    assert.equal(polls[0]!.headers['if-none-match'], undefined);
    assert.equal(polls[1]!.headers['if-none-match'], '"c1"');
    const row = await feed('cond');
    assert.equal(row.last_outcome, 'not_modified');
    assert.equal(row.etag, '"c1"');
    const [count] = await stack.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM articles WHERE feed_id = $1',
      [row.id],
    );
    assert.equal(count!.n, 2);
    assert.match(String(polls[0]!.headers['user-agent']), /newsfeed/);
  });

  it('turns an entry edited in place into version 2 with a second ingested event', async () => {
    await waitFor('the first version', async () => {
      const rows = await stack.query('SELECT 1 FROM articles WHERE feed_id = $1', [
        ids.get('edit'),
      ]);
      return rows.length === 1 ? true : undefined;
    });
    editVersion = 2;
    const [article] = await waitFor(
      'version 2',
      async () => {
        const rows = await stack.query<{ id: string; version: number }>(
          'SELECT id, version FROM articles WHERE feed_id = $1',
          [ids.get('edit')],
        );
        return rows[0]?.version === 2 ? rows : undefined;
      },
      15_000,
    );
    const versions = await stack.query(
      'SELECT version FROM article_versions WHERE article_id = $1 ORDER BY version',
      [article!.id],
    );
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    const events = await waitFor(
      'two ingested events of the article',
      async () => {
        const mine = ingested.messages.filter((m) => m.articleId === article!.id);
        return mine.length >= 2 ? mine : undefined;
      },
      15_000,
    );
    assert.deepEqual(events.map((e) => e.version).sort(), [1, 2]);
    assert.match(String(events.find((e) => e.version === 2)!.contentText), /31 to 12/);
  });

  it('skips the entries a changed feed repeats, and stores the one it adds', async () => {
    const articles = async () =>
      (
        await stack.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM articles WHERE feed_id = $1',
          [ids.get('grow')],
        )
      )[0]!.n;
    await waitFor('the first two', async () => ((await articles()) === 2 ? true : undefined));
    const unchanged = async () => {
      const metrics = await (await fetch(`${stack.url('ingestor')}/metrics`)).text();
      const line = /newsfeed_articles_stored_total\{[^}]*result="unchanged"[^}]*\} (\d+)/.exec(
        metrics,
      );
      return Number(line?.[1] ?? 0);
    };
    await waitFor('a poll that repeats both', async () =>
      (await unchanged()) >= 2 ? true : undefined,
    );
    growth = 3;
    await waitFor('the third', async () => ((await articles()) === 3 ? true : undefined), 15_000);
    const growing = () => ingested.messages.filter((m) => String(m.guid).startsWith('grow-'));
    await waitFor('three ingested events', async () => (growing().length >= 3 ? true : undefined));
    assert.deepEqual(
      growing()
        .map((m) => m.guid)
        .sort(),
      ['grow-0', 'grow-1', 'grow-2'],
    );
  });

  it('stores the same article published by two feeds once', async () => {
    await waitFor('both feeds polled', async () => {
      const [a, b] = [await feed('a'), await feed('b')];
      return a.last_status === 200 && b.last_status === 200 ? true : undefined;
    });
    const rows = await stack.query('SELECT feed_id FROM articles WHERE title = $1', [
      'Breakwater to be finished before winter',
    ]);
    assert.equal(rows.length, 1);
  });

  it('reads a gzip-compressed feed', async () => {
    const rows = await waitFor('the gzip article', async () => {
      const found = await stack.query<{ title: string }>(
        'SELECT title FROM articles WHERE feed_id = $1',
        [ids.get('gz')],
      );
      return found.length > 0 ? found : undefined;
    });
    assert.equal(rows[0]!.title, 'Compressed story arrives intact');
    assert.equal(farm.hits('/gz.xml')[0]!.headers['accept-encoding']?.includes('gzip'), true);
  });

  it('records a document that is not a feed as parse_error and keeps polling the others', async () => {
    const row = await waitFor('the parse error', async () => {
      const current = await feed('page');
      return current.last_outcome === 'parse_error' ? current : undefined;
    });
    assert.equal(row.last_status, 200);
    assert.ok(row.last_error);
    assert.ok(row.consecutive_errors >= 1);
    const before = farm.hits('/cond.xml').length;
    await waitFor('other feeds still polled', async () =>
      farm.hits('/cond.xml').length > before ? true : undefined,
    );
  });
});
