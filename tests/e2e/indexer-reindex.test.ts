import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDataSource } from '#database';
import { reindexAll } from '../../apps/indexer/src/reindex/reindex-all.js';
import { FeedServer, rssFeed } from '../support/feed-server.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

describe('npm run reindex rebuilds the search index from articles and enrichments', () => {
  const feeds = new FeedServer();
  const stack = new Stack();

  before(async () => {
    await feeds.start();
    feeds.routes.set('/a.xml', {
      body: rssFeed('A', [
        {
          guid: 'r1',
          title: 'Lighthouse keepers return to Skerryvore',
          description:
            'The lighthouse on the Skerryvore reef has keepers again after fifty years of automation.',
        },
        {
          guid: 'r2',
          title: 'Le phare de Cordouan accueille des visiteurs',
          description:
            'Le plus ancien phare de France rouvre ses escaliers aux visiteurs après des travaux.',
        },
      ]),
    });
    await stack.start();
    await fetch(`${stack.url('api')}/feeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${feeds.baseUrl}/a.xml` }),
    });
    await waitFor(
      'both articles indexed',
      async () => {
        const [row] = await stack.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM search_documents',
        );
        return row.n === 2 ? true : undefined;
      },
      60_000,
      250,
    );
    await stack.stopService('indexer');
  });

  after(async () => {
    await stack.stop();
    await feeds.stop();
  });

  it('restores every document, searchable in its language, and skips unchanged ones next time', async () => {
    const before = await stack.query<{ article_id: string; text_search_config: string }>(
      'SELECT article_id, text_search_config::text FROM search_documents ORDER BY article_id',
    );
    await stack.query('DELETE FROM search_documents');
    const dataSource = await createDataSource({ url: stack.databaseUrl, poolSize: 2 }).initialize();
    try {
      const first = await reindexAll(dataSource, { maxBodyChars: 100_000 });
      assert.deepEqual(first, { done: 2, total: 2, written: 2 });
      const again = await reindexAll(dataSource, { maxBodyChars: 100_000 });
      assert.deepEqual(again, { done: 2, total: 2, written: 0 });
    } finally {
      await dataSource.destroy();
    }
    const after = await stack.query<{ article_id: string; text_search_config: string }>(
      'SELECT article_id, text_search_config::text FROM search_documents ORDER BY article_id',
    );
    assert.deepEqual(after, before);
    assert.deepEqual(after.map((row) => row.text_search_config).sort(), ['english', 'french']);
    const response = await fetch(`${stack.url('api')}/search?q=phares&lang=fr`);
    const body = (await response.json()) as { items: { title: string }[] };
    assert.equal(body.items[0]?.title, 'Le phare de Cordouan accueille des visiteurs');
  });
});
