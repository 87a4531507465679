import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TOPICS } from '#contracts';
import { FeedServer, rssFeed } from '../support/feed-server.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

interface SearchResponse {
  items: { id: string; title: string; language: string; url: string | null }[];
}

describe('a feed entry becomes a search result through Kafka and PostgreSQL', () => {
  const feeds = new FeedServer();
  const stack = new Stack();

  before(async () => {
    await feeds.start();
    feeds.routes.set('/world.xml', {
      body: rssFeed('World news', [
        {
          guid: 'quokka-1',
          title: 'Quokkas invade the harbour of Fremantle',
          description:
            'Dozens of quokkas were seen crossing the harbour on Tuesday morning, surprising the ' +
            'fishermen who had never seen the marsupials leave Rottnest Island before.',
        },
        {
          guid: 'bourse-1',
          title: 'La Bourse de Paris termine la semaine en hausse',
          description:
            "Les valeurs bancaires ont mené la progression de l'indice parisien, portées par des " +
            'résultats trimestriels meilleurs que prévu et par la baisse des taux longs.',
        },
        {
          guid: 'pressupostos-1',
          title: 'El Parlament aprova els pressupostos de la Generalitat',
          description:
            "Els diputats han aprovat els comptes de l'any vinent amb els vots de la majoria, " +
            "després d'un debat de tres dies sobre la sanitat i l'educació.",
        },
      ]),
    });
    await stack.start();
  });

  after(async () => {
    await stack.stop();
    await feeds.stop();
  });

  it('subscribes, ingests, classifies, indexes and answers GET /search', async () => {
    const created = await fetch(`${stack.url('api')}/feeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${feeds.baseUrl}/world.xml` }),
    });
    assert.equal(created.status, 201);

    /** The first search result for `query`, once there is one. */
    const firstResult = (what: string, query: string, timeoutMs: number) =>
      waitFor(
        `the ${what} article to be searchable`,
        async () => {
          const response = await fetch(`${stack.url('api')}/search?${query}`);
          const body = (await response.json()) as SearchResponse;
          return body.items[0];
        },
        timeoutMs,
        250,
      );

    const english = await firstResult('English', 'q=quokkas%20harbour', 60_000);
    assert.equal(english.title, 'Quokkas invade the harbour of Fremantle');
    assert.equal(english.language, 'en');

    // French stemming: "valeur" finds "valeurs" only through the french configuration.
    const french = await firstResult('French', 'q=valeur%20bancaire&lang=fr', 30_000);
    assert.equal(french.title, 'La Bourse de Paris termine la semaine en hausse');
    assert.equal(french.language, 'fr');

    // No model here knows Catalan (it read as French); lid.176 names it, and the catalan
    // configuration finds "diputats" by "diputat".
    const catalan = await firstResult('Catalan', 'q=diputat&lang=ca', 30_000);
    assert.equal(catalan.title, 'El Parlament aprova els pressupostos de la Generalitat');
    assert.equal(catalan.language, 'ca');

    const [feed] = await stack.query<{ last_status: number; etag: string | null }>(
      'SELECT last_status, etag FROM feeds',
    );
    assert.equal(feed.last_status, 200);
    const outbox = await stack.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox');
    assert.equal(outbox[0].n, '0', 'the relay publishes and removes every outbox row');
  });

  it('reports readiness with its dependencies and liveness without them', async () => {
    const health = await fetch(`${stack.url('indexer')}/health`);
    assert.equal(health.status, 200);
    const report = (await health.json()) as { checks: Record<string, { status: string }> };
    assert.deepEqual(Object.keys(report.checks).sort(), ['database', 'kafka']);
    const live = await fetch(`${stack.url('indexer')}/health/live`);
    assert.deepEqual(await live.json(), { status: 'ok', service: 'indexer' });
  });

  it('answers a malformed search with a clear 400', async () => {
    const response = await fetch(`${stack.url('api')}/search?q=x&limit=1000000`);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { message: string[] };
    assert.match(body.message.join(' '), /limit/);
  });

  // Last: it removes the feed the tests above read.
  it('removing the feed takes its articles out of search at once and tells the other services', async () => {
    const [feed] = await stack.query<{ id: string }>('SELECT id FROM feeds');
    const search = async (q: string) =>
      ((await (await fetch(`${stack.url('api')}/search?q=${q}`)).json()) as SearchResponse).items;
    assert.ok((await search('quokkas')).length > 0, 'cached before the removal');
    const removedEvents: { feedId: string; articlesRemoved: number }[] = [];
    const consumer = stack.kafka.consumer({ groupId: `removed-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({
      topic: `${stack.topicPrefix}${TOPICS.feedRemoved}`,
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const body = JSON.parse(message.value!.toString()) as { data?: unknown };
        removedEvents.push((body.data ?? body) as (typeof removedEvents)[number]);
      },
    });
    try {
      const removed = await fetch(`${stack.url('api')}/feeds/${feed.id}`, { method: 'DELETE' });
      assert.equal(removed.status, 204);
      assert.deepEqual(await search('quokkas'), [], 'no cached answer outlives the removal');
      assert.deepEqual(await search('valeur%20bancaire'), []);
      const tombstones = await stack.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM removed_feeds WHERE feed_id = $1',
        [feed.id],
      );
      assert.equal(tombstones[0].n, 1, 'late documents of the feed will be refused');
      for (const table of [
        'articles',
        'article_enrichments',
        'article_enrichment_keys',
        'search_documents',
      ]) {
        const [{ n }] = await stack.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        assert.equal(n, 0, table);
      }
      const [event] = await waitFor('news.feeds.removed.v1', async () =>
        removedEvents.length ? removedEvents : undefined,
      );
      assert.equal(event.feedId, feed.id);
      assert.equal(event.articlesRemoved, 3);
      await waitFor('the api instance to consume it', async () => {
        const metrics = await (await fetch(`${stack.url('api')}/metrics`)).text();
        return metrics.includes(`newsfeed_events_consumed_total{topic="${TOPICS.feedRemoved}"`)
          ? true
          : undefined;
      });
    } finally {
      await consumer.disconnect();
    }
  });
});
