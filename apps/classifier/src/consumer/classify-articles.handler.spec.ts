import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  decodeEvent,
  encodeEvent,
  TOPICS,
  type ArticleIngestedV1,
  type EncodedEvent,
} from '#contracts';
import type { ConsumedEvent } from '#messaging';
import { createClassifier, type Classifier } from '../classify/classifier.js';
import type { ClassifierEnv } from '../env.js';
import { ClassifyArticlesHandler, type ClassifiedPublisher } from './classify-articles.handler.js';
import { minhashBands } from '../fingerprint/minhash.js';
import type { CandidateQuery, EnrichmentRow, StoredFingerprint } from './enrichment-store.js';

type Ingested = typeof TOPICS.articleIngested;

/** In-memory article_enrichments: candidates by shared SimHash block, story key or band, like SQL. */
class FakeStore {
  readonly rows = new Map<string, EnrichmentRow>();

  async candidatesOfAll(queries: readonly CandidateQuery[]): Promise<StoredFingerprint[][]> {
    return Promise.all(queries.map((q) => this.candidates(q)));
  }

  async candidates(q: CandidateQuery): Promise<StoredFingerprint[]> {
    const blocks = (s: string) => [0, 4, 8, 12].map((i) => s.slice(i, i + 4));
    const mine = blocks(q.simhash);
    return [...this.rows.values()]
      .filter((r) => r.articleId !== q.articleId)
      .filter(
        (r) =>
          blocks(r.simhash).some((b, i) => b === mine[i]) ||
          r.storyKeys.some((k) => q.linkingKeys.includes(k)) ||
          minhashBands(r.minhash).some((b) => q.minhashBands.includes(b)),
      )
      .map((r) => ({
        articleId: r.articleId,
        simhash: r.simhash,
        minhash: r.minhash.map((v) => v | 0),
        storyKeys: r.storyKeys,
        storyId: r.storyId,
        nearDuplicateOf: r.nearDuplicateOf,
        publishedAt: r.publishedAt,
      }));
  }

  /** An article whose write fails. */
  failOn?: string;
  writes = 0;

  /** All rows or none, like the one statement it stands for. */
  async upsertAll(rows: readonly EnrichmentRow[]): Promise<void> {
    if (rows.some((row) => row.articleId === this.failOn))
      throw new Error('the database went away');
    for (const row of rows) {
      const existing = this.rows.get(row.articleId);
      if (!existing || existing.version <= row.version) this.rows.set(row.articleId, row);
    }
    this.writes++;
  }

  async ping(): Promise<void> {}
}

/** Encodes with the real contract check, so an invalid classified payload fails the test. */
class FakeProducer implements ClassifiedPublisher {
  readonly sent: EncodedEvent[] = [];
  encode: ClassifiedPublisher['encode'] = (topic, payload, key) =>
    encodeEvent(topic, payload, { key, source: '/newsfeed/classifier' });
  async sendEncoded(_topic: string, events: EncodedEvent[]): Promise<void> {
    this.sent.push(...events);
  }
}

const env = { CLASSIFIER_GROUP_ID: 'test', STORY_WINDOW_HOURS: 72 } as ClassifierEnv;

function ingested(over: Partial<ArticleIngestedV1>): ConsumedEvent<Ingested> {
  const payload: ArticleIngestedV1 = {
    articleId: randomUUID(),
    version: 1,
    feedId: randomUUID(),
    url: null,
    canonicalUrl: null,
    guid: null,
    title: '',
    summary: '',
    contentHtml: '',
    contentText: '',
    author: null,
    feedLanguage: null,
    categories: [],
    publishedAt: '2026-11-20T10:00:00Z',
    fetchedAt: '2026-11-20T10:05:00Z',
    contentHash: 'a'.repeat(64),
    ...over,
  };
  return {
    payload,
    attributes: {} as ConsumedEvent<Ingested>['attributes'],
    key: payload.articleId,
    partition: 0,
    offset: '0',
  };
}

/** Decoded as the indexer would: headers and payload checked against the contract. */
function decoded(event: EncodedEvent) {
  return decodeEvent(TOPICS.articleClassified, event.value, event.headers).payload;
}

describe('ClassifyArticlesHandler', () => {
  let classifier: Classifier;
  before(async () => {
    classifier = await createClassifier();
  });

  function setup() {
    const store = new FakeStore();
    const producer = new FakeProducer();
    return {
      store,
      producer,
      handler: new ClassifyArticlesHandler(classifier, store, producer, env),
    };
  }

  it('links a repost and a translation into one story and keeps a same-topic article apart', async () => {
    const { store, producer, handler } = setup();
    const english =
      'President Kassym-Jomart Tokayev met the CSTO secretary general in Almaty on Tuesday to discuss border security in Central Asia and the summit planned for next month.';
    const original = ingested({
      title: 'Tokayev hosts CSTO talks in Almaty',
      contentText: english,
    });
    const repost = ingested({
      title: 'Tokayev hosts CSTO talks in Almaty',
      contentText: `${english} Read more at NewsAggregator. Share this article.`,
      publishedAt: '2026-11-20T11:00:00Z',
    });
    const french = ingested({
      title: "Tokaïev accueille des pourparlers de l'OTSC à Almaty",
      contentText:
        "Le président Kassym-Jomart Tokaïev a reçu mardi à Almaty le secrétaire général de l'OTSC pour discuter de la sécurité des frontières en Asie centrale et du sommet prévu le mois prochain.",
      publishedAt: '2026-11-20T13:00:00Z',
    });
    const other = ingested({
      title: 'Macron meets German chancellor in Berlin',
      contentText:
        'French President Emmanuel Macron met the German chancellor in Berlin on Tuesday to discuss the European Union budget and defence spending.',
      publishedAt: '2026-11-20T12:00:00Z',
    });
    for (const event of [original, repost, french, other]) await handler.handleBatch([event]);

    const row = (e: ConsumedEvent<Ingested>) => store.rows.get(e.payload.articleId)!;
    assert.equal(row(original).storyId, original.payload.articleId);
    assert.equal(row(repost).storyId, original.payload.articleId);
    assert.equal(row(repost).nearDuplicateOf, original.payload.articleId);
    assert.equal(row(french).storyId, original.payload.articleId);
    assert.equal(row(french).nearDuplicateOf, null);
    assert.equal(row(other).storyId, other.payload.articleId);
    assert.equal(producer.sent.length, 4);
    const events = producer.sent.map(decoded);
    assert.equal(events[1].nearDuplicateOf, original.payload.articleId);
    assert.equal(events[2].storyId, original.payload.articleId);
  });

  it('reads the subject of a feed entry’s section from its categories', async () => {
    const { producer, handler } = setup();
    const text = 'The decision was announced on Saturday after a long meeting in the capital.';
    await handler.handleBatch([
      ingested({ title: 'Decision announced', contentText: text, categories: ['Wirtschaft'] }),
    ]);
    const [event] = producer.sent.map(decoded);
    assert.equal(event!.topics[0]?.code, 'medtop:04000000');
  });

  it('links articles of one batch, writes the batch once, and publishes only what was written', async () => {
    const { store, producer, handler } = setup();
    const text =
      'President Kassym-Jomart Tokayev met the CSTO secretary general in Almaty on Tuesday to discuss border security in Central Asia.';
    const first = ingested({ title: 'Tokayev hosts CSTO talks in Almaty', contentText: text });
    const repost = ingested({
      title: 'Tokayev hosts CSTO talks in Almaty',
      contentText: `${text} Share this article.`,
    });
    await handler.handleBatch([first, repost]);
    assert.equal(store.writes, 1);
    assert.equal(store.rows.get(repost.payload.articleId)!.storyId, first.payload.articleId);
    assert.equal(producer.sent.length, 2);

    const third = ingested({ title: 'Tokayev hosts CSTO talks', contentText: text });
    const failing = ingested({
      title: 'Macron in Berlin',
      contentText: 'Macron met the chancellor.',
    });
    store.failOn = failing.payload.articleId;
    await assert.rejects(handler.handleBatch([third, failing]), /went away/);
    assert.equal(store.rows.has(third.payload.articleId), false);
    assert.equal(producer.sent.length, 2);
  });

  it('is idempotent when an event comes again', async () => {
    const { store, handler } = setup();
    const event = ingested({
      title: 'Токаев провёл переговоры в Алматы',
      contentText: 'Президент Казахстана Токаев провёл переговоры с генсеком ОДКБ в Алматы.',
    });
    await handler.handleBatch([event]);
    const first = { ...store.rows.get(event.payload.articleId)! };
    await handler.handleBatch([event]);
    const second = store.rows.get(event.payload.articleId)!;
    assert.equal(store.rows.size, 1);
    assert.equal(second.storyId, first.storyId);
    assert.equal(second.nearDuplicateOf, null);
  });

  describe('bad input always yields a valid classified event', () => {
    const garbage = Buffer.from(
      Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
    ).toString('latin1');
    const cases: [string, Partial<ArticleIngestedV1>][] = [
      ['empty title and text', {}],
      ['title only', { title: 'Kazakhstan' }],
      [
        '2 MB of text',
        { title: 'Long', contentText: 'Almaty Tokayev economy growth. '.repeat(64_000) },
      ],
      ['binary garbage', { title: garbage.slice(0, 200), contentText: garbage }],
      [
        'lone surrogates and control characters',
        { contentText: '\ud800\udfff\u0000\u0007\ufffd'.repeat(500) + '\ud800' },
      ],
      [
        'right-to-left text',
        { contentText: 'קזחסטן הודיעה היום על הסכם חדש. \u202eهذا نص عربي\u202c' },
      ],
      ['mixed scripts', { contentText: 'Токаев Tokayev 托卡耶夫 トカエフ Тоқаев 2026 ☃☃☃' }],
    ];
    for (const [name, over] of cases) {
      it(name, async () => {
        const { store, producer, handler } = setup();
        const event = ingested(over);
        const started = performance.now();
        await handler.handleBatch([event]);
        assert.ok(performance.now() - started < 5000, 'classification stays fast');
        assert.equal(producer.sent.length, 1);
        const out = decoded(producer.sent[0]);
        assert.equal(out.articleId, event.payload.articleId);
        assert.match(out.simhash, /^[0-9a-f]{16}$/);
        assert.equal(out.storyId, event.payload.articleId);
        assert.ok(store.rows.has(event.payload.articleId));
        if (!over.title && !over.contentText) {
          assert.equal(out.language.code, 'und');
          assert.deepEqual(out.topics, []);
        }
      });
    }
  });
});
