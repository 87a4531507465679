import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { qualifiedTopic, TOPICS } from '#contracts';
import { createDataSource } from '#database';
import { EventProducer } from '#messaging';
import type { DataSource } from 'typeorm';
import {
  CLASSIFIER_VERSION,
  createClassifier,
} from '../../apps/classifier/src/classify/classifier.js';
import { ArticleEnricher } from '../../apps/classifier/src/consumer/article-enricher.js';
import { EnrichmentStore } from '../../apps/classifier/src/consumer/enrichment-store.js';
import { reclassifyArticles } from '../../apps/classifier/src/reclassify/reclassify.js';
import { Stack } from '../support/stack.js';

interface Enrichment {
  article_id: string;
  classifier_version: string;
  language: string;
  story_id: string;
  topics: { code: string }[];
  classified_at: Date;
}

const ARTICLES = [
  {
    title: 'Tokayev hosts CSTO talks in Almaty',
    text: 'President Kassym-Jomart Tokayev met the secretary general of the CSTO in Almaty on Tuesday to discuss border security in Central Asia.',
    hoursAgo: 6,
  },
  {
    title: "Tokaïev accueille des pourparlers de l'OTSC à Almaty",
    text: "Le président Kassym-Jomart Tokaïev a reçu mardi à Almaty le secrétaire général de l'OTSC pour discuter de la sécurité des frontières en Asie centrale.",
    hoursAgo: 5,
  },
  {
    title: 'Real Madrid beat Bayern Munich to reach the final',
    text: 'Real Madrid reached the Champions League final after a late goal against Bayern Munich at the Bernabéu; the coach praised the players and the fans.',
    hoursAgo: 4,
  },
  {
    title: 'Already up to date',
    text: 'This article was classified by the current classifier and must not be replayed without --all.',
    hoursAgo: 3,
  },
];

describe('npm run reclassify replays stored articles through the current classifier', () => {
  const stack = new Stack({ services: [] });
  let dataSource: DataSource;
  let producer: EventProducer;
  let enricher: ArticleEnricher;
  const ids = ARTICLES.map(() => randomUUID());

  before(async () => {
    await stack.start();
    dataSource = createDataSource({ url: stack.databaseUrl, poolSize: 2 });
    await dataSource.initialize();
    producer = new EventProducer(stack.kafka, { topicPrefix: stack.topicPrefix, source: '/test' });
    await producer.connect();
    enricher = new ArticleEnricher(await createClassifier(), new EnrichmentStore(dataSource), 72);
    const feedId = randomUUID();
    await stack.query(`INSERT INTO feeds (id, url) VALUES ($1, 'http://127.0.0.1/feed.xml')`, [
      feedId,
    ]);
    for (const [i, a] of ARTICLES.entries()) {
      const at = new Date(Date.now() - a.hoursAgo * 3600_000);
      await stack.query(
        `INSERT INTO articles (id, feed_id, guid, content_fingerprint, content_hash, title, content_text,
           published_at, fetched_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
        [ids[i], feedId, `g${i}`, `fp${i}`, String(i).repeat(64), a.title, a.text, at],
      );
    }
    // An enrichment by an old model for the first article, the current one for the last.
    for (const [i, version] of [
      [0, 'clf-old'],
      [3, CLASSIFIER_VERSION],
    ] as const) {
      await stack.query(
        `INSERT INTO article_enrichments (article_id, version, language, language_confidence, simhash,
           simhash_blocks, story_id, classifier_version, published_at)
         VALUES ($1, 1, 'und', 0, 0, '{0,0,0,0}', $1, $2, now())`,
        [ids[i], version],
      );
    }
  });

  after(async () => {
    await producer?.disconnect();
    await dataSource?.destroy();
    await stack.stop();
  });

  const enrichments = () =>
    stack.query<Enrichment>(
      `SELECT article_id::text, classifier_version, language, story_id::text, topics, classified_at
         FROM article_enrichments ORDER BY published_at`,
    );

  async function publishedCount(): Promise<number> {
    const admin = stack.kafka.admin();
    await admin.connect();
    try {
      const topic = qualifiedTopic(stack.topicPrefix, TOPICS.articleClassified);
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, p) => sum + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  function run(all: boolean) {
    const progress: string[] = [];
    return reclassifyArticles(
      {
        db: dataSource,
        enricher,
        publisher: producer,
        onProgress: (done, total, failed) => progress.push(`${done}/${total}/${failed}`),
      },
      { all, classifierVersion: CLASSIFIER_VERSION, batchSize: 2 },
    ).then((summary) => ({ summary, progress }));
  }

  it('replays stale and missing enrichments only, links stories, publishes, and is idempotent', async () => {
    const first = await run(false);
    assert.deepEqual(first.summary, { total: 3, reclassified: 3, failed: 0, published: 3 });
    assert.deepEqual(first.progress, ['2/3/0', '3/3/0', '3/3/0']);
    assert.equal(await publishedCount(), 3);

    const rows = await enrichments();
    const byId = new Map(rows.map((r) => [r.article_id, r]));
    assert.equal(rows.length, 4);
    for (const i of [0, 1, 2])
      assert.equal(byId.get(ids[i])!.classifier_version, CLASSIFIER_VERSION);
    assert.equal(byId.get(ids[0])!.language, 'en');
    assert.equal(byId.get(ids[1])!.language, 'fr');
    assert.equal(byId.get(ids[1])!.story_id, ids[0], 'the translation joins the original story');
    assert.equal(byId.get(ids[2])!.story_id, ids[2]);
    assert.equal(byId.get(ids[2])!.topics[0].code, 'medtop:15000000');
    assert.equal(byId.get(ids[3])!.language, 'und', 'the up-to-date article was not replayed');

    const second = await run(false);
    assert.deepEqual(second.summary, { total: 0, reclassified: 0, failed: 0, published: 0 });

    const all = await run(true);
    assert.deepEqual(all.summary, { total: 4, reclassified: 4, failed: 0, published: 4 });
    const again = new Map((await enrichments()).map((r) => [r.article_id, r]));
    for (const i of [0, 1, 2]) {
      assert.equal(
        again.get(ids[i])!.story_id,
        byId.get(ids[i])!.story_id,
        'same stories on replay',
      );
      assert.deepEqual(again.get(ids[i])!.topics, byId.get(ids[i])!.topics);
    }
    assert.equal(again.size, 4);
    assert.equal(await publishedCount(), 7);
  });
});
