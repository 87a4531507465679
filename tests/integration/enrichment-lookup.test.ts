import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabase, migrate, MIGRATIONS } from '#database';
import { JsonLogger } from '#observability';
import type { ClassifierEnv } from '../../apps/classifier/src/env.js';
import { minhashBands } from '../../apps/classifier/src/fingerprint/minhash.js';
import {
  LookupKeyPruner,
  lookupKeyRetentionMs,
} from '../../apps/classifier/src/consumer/lookup-key-pruner.js';
import {
  EnrichmentStore,
  InMemoryCandidates,
  type CandidateQuery,
  type EnrichmentRow,
} from '../../apps/classifier/src/consumer/enrichment-store.js';
import { storeArticles } from '../support/articles.js';
import { migratedScratchDatabase, scratchDatabase } from '../support/scratch-database.js';

/** A MinHash signature of 128 values from one seed: equal seeds, equal bands. */
function signature(seed: number): number[] {
  return Array.from({ length: 128 }, (_, i) => (Math.imul(seed + 1, 2654435761) ^ (i * 40503)) | 0);
}

/** A data source over a new database at `url`, migrated up to (not including) `migration`. */
async function migratedUpTo(url: string, migration: string): Promise<DataSource> {
  await ensureDatabase(url);
  const dataSource = new DataSource({
    ...dataSourceOptions({ url, poolSize: 1 }),
    migrations: MIGRATIONS.slice(0, indexOfMigration(migration)),
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** Migrates the rest and checks that `migration` and every later one ran. */
async function migrateFrom(url: string, migration: string): Promise<void> {
  assert.deepEqual(
    await migrate(url),
    MIGRATIONS.slice(indexOfMigration(migration)).map((m) => m.name),
  );
}

function indexOfMigration(name: string): number {
  const index = MIGRATIONS.findIndex((m) => m.name === name);
  assert.ok(index >= 0, `no migration named ${name}`);
  return index;
}

/** Enrichments of stored articles (the articles are stored first). */
async function storeWithArticles(db: DataSource, rows: EnrichmentRow[]): Promise<void> {
  await storeArticles(db, [...new Set(rows.map((r) => r.articleId))]);
  await new EnrichmentStore(db).upsertAll(rows);
}

function row(overrides: Partial<EnrichmentRow> & Pick<EnrichmentRow, 'articleId'>): EnrichmentRow {
  return {
    version: 1,
    language: 'en',
    languageConfidence: 0.9,
    topics: [],
    places: { countries: [], cities: [] },
    entities: [],
    simhash: '0123456789abcdef',
    minhash: signature(1),
    storyKeys: [],
    linkingKeys: [],
    storyId: overrides.articleId,
    nearDuplicateOf: null,
    classifierVersion: 'test',
    publishedAt: new Date('2026-11-20T12:00:00Z'),
    ...overrides,
  };
}

function lookingFor(query: Partial<CandidateQuery>): CandidateQuery {
  return {
    articleId: randomUUID(),
    simhash: 'fedcba9876543210',
    linkingKeys: [],
    minhashBands: minhashBands(signature(999)),
    around: new Date('2026-11-20T13:00:00Z'),
    windowHours: 24,
    ...query,
  };
}

describe('the classifier finds story candidates through its lookup keys', () => {
  const scratch = migratedScratchDatabase('enrichment_lookup');
  let db: DataSource;
  let queries: EnrichmentStore;

  before(() => {
    db = scratch.db;
    queries = new EnrichmentStore(db);
  });

  const store = (rows: EnrichmentRow[]) => storeWithArticles(db, rows);

  async function keysOf(articleId: string): Promise<string[]> {
    const rows: { key: string }[] = await db.query(
      'SELECT key FROM article_enrichment_keys WHERE article_id = $1 ORDER BY key',
      [articleId],
    );
    return rows.map((r) => r.key);
  }

  it('stores an enrichment with its MinHash bands and linking keys as lookup keys', async () => {
    const articleId = randomUUID();
    await store([row({ articleId, linkingKeys: ['e:csto', 'g:1526384'] })]);
    const keys = await keysOf(articleId);
    assert.ok(keys.includes('e:csto') && keys.includes('g:1526384'));
    const bands = minhashBands(signature(1)).map((band) => `b:${band}`);
    assert.deepEqual(keys.filter((key) => key.startsWith('b:')).sort(), [...new Set(bands)].sort());
  });

  it('finds an article by a shared linking key or MinHash band, within the window only', async () => {
    const articleId = randomUUID();
    await store([
      row({
        articleId,
        linkingKeys: ['e:tokayev'],
        minhash: signature(7),
        simhash: '1111222233334444',
      }),
    ]);
    const found = async (query: Partial<CandidateQuery>) =>
      (await queries.candidates(lookingFor(query))).some((c) => c.articleId === articleId);

    assert.equal(await found({ linkingKeys: ['e:tokayev'] }), true);
    assert.equal(await found({ minhashBands: minhashBands(signature(7)) }), true);
    assert.equal(await found({ simhash: '1111ffffffffffff' }), true, 'a shared SimHash block');
    assert.equal(await found({ linkingKeys: ['e:someone else'] }), false);
    assert.equal(
      await found({ linkingKeys: ['e:tokayev'], around: new Date('2026-11-23T12:00:00Z') }),
      false,
      'outside the window',
    );
  });

  it('a newer version replaces the lookup keys; an older one changes nothing', async () => {
    const articleId = randomUUID();
    await store([row({ articleId, version: 1, linkingKeys: ['e:old name'] })]);
    await store([
      row({
        articleId,
        version: 2,
        linkingKeys: ['e:new name'],
        minhash: signature(2),
        publishedAt: new Date('2026-11-20T14:00:00Z'),
      }),
    ]);
    const afterUpdate = await keysOf(articleId);
    assert.ok(afterUpdate.includes('e:new name'));
    assert.ok(!afterUpdate.includes('e:old name'));
    const [moved]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM article_enrichment_keys
        WHERE article_id = $1 AND published_at <> '2026-11-20T14:00:00Z'`,
      [articleId],
    );
    assert.equal(moved!.n, 0, 'every key carries the new publication time');

    await store([row({ articleId, version: 1, linkingKeys: ['e:old name'] })]);
    assert.deepEqual(await keysOf(articleId), afterUpdate);
  });

  it('a batch with two versions of one article stores the newer, whatever their order', async () => {
    const articleId = randomUUID();
    const other = randomUUID();
    await store([
      row({ articleId, version: 3, linkingKeys: ['e:third'] }),
      row({ articleId: other }),
      row({ articleId, version: 2, linkingKeys: ['e:second'] }),
    ]);
    const stored: { version: number }[] = await db.query(
      'SELECT version FROM article_enrichments WHERE article_id = $1',
      [articleId],
    );
    assert.deepEqual(stored, [{ version: 3 }]);
    assert.ok((await keysOf(articleId)).includes('e:third'));
    assert.ok(!(await keysOf(articleId)).includes('e:second'));
    assert.notDeepEqual(await keysOf(other), []);
  });

  it('decides in memory what candidates() finds (how a batch links within itself)', async () => {
    const around = new Date('2026-11-21T12:00:00Z');
    const stored = Array.from({ length: 24 }, (_, i) =>
      row({
        articleId: randomUUID(),
        simhash: `${(i % 4).toString(16).repeat(4)}${'abcd'.repeat(2)}${i.toString(16).padStart(4, '0')}`,
        minhash: signature(100 + (i % 5)),
        linkingKeys: [`e:name ${i % 3}`],
        storyKeys: [`e:name ${i % 3}`, 'c:kz'],
        publishedAt: new Date(around.getTime() + (i - 12) * 5 * 3600_000),
      }),
    );
    await store(stored);
    const inMemoryCandidates = new InMemoryCandidates();
    for (const r of stored) inMemoryCandidates.add(r);
    const queriesToTry: CandidateQuery[] = [
      lookingFor({ around, simhash: '0000ffffffffffff' }),
      lookingFor({ around, simhash: 'ffffabcdffffffff' }),
      lookingFor({ around, linkingKeys: ['e:name 1'] }),
      lookingFor({ around, minhashBands: minhashBands(signature(102)) }),
      lookingFor({ around, linkingKeys: ['c:kz'] }),
      lookingFor({ around, windowHours: 6, linkingKeys: ['e:name 2'] }),
    ];
    const sizes: number[] = [];
    for (const query of queriesToTry) {
      const inDatabase = (await queries.candidates(query))
        .map((c) => c.articleId)
        .filter((id) => stored.some((r) => r.articleId === id))
        .sort();
      const inMemory = inMemoryCandidates
        .find(query)
        .map((c) => c.articleId)
        .sort();
      assert.deepEqual(inMemory, inDatabase, JSON.stringify(query));
      sizes.push(inDatabase.length);
    }
    assert.ok(sizes.some((n) => n > 1 && n < stored.length) && sizes.includes(0), `${sizes}`);
  });

  it('skips an article deleted meanwhile and stores the rest of the batch', async () => {
    const kept = randomUUID();
    const gone = randomUUID();
    await storeArticles(db, [kept]);
    await queries.upsertAll([
      row({ articleId: gone, linkingKeys: ['e:gone'] }),
      row({ articleId: kept, linkingKeys: ['e:kept'] }),
    ]);
    const stored: { id: string }[] = await db.query(
      'SELECT article_id::text AS id FROM article_enrichments WHERE article_id = ANY($1::uuid[])',
      [[kept, gone]],
    );
    assert.deepEqual(stored, [{ id: kept }]);
    assert.deepEqual(await keysOf(gone), []);
    assert.ok((await keysOf(kept)).includes('e:kept'));
  });

  it('an enrichment and its lookup keys go with their article (a feed removed)', async () => {
    const articleId = randomUUID();
    const feedId = await storeArticles(db, [articleId]);
    await queries.upsertAll([row({ articleId, linkingKeys: ['e:removed feed'] })]);
    assert.notDeepEqual(await keysOf(articleId), []);
    await db.query('DELETE FROM feeds WHERE id = $1', [feedId]);
    const [{ n }]: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM article_enrichments WHERE article_id = $1',
      [articleId],
    );
    assert.equal(n, 0);
    assert.deepEqual(await keysOf(articleId), []);
  });

  it('deleting an enrichment deletes its lookup keys', async () => {
    const articleId = randomUUID();
    await store([row({ articleId, linkingKeys: ['e:gone'] })]);
    await db.query('DELETE FROM article_enrichments WHERE article_id = $1', [articleId]);
    assert.deepEqual(await keysOf(articleId), []);
  });
});

describe('LookupKeyPruner', () => {
  const scratch = migratedScratchDatabase('enrichment_prune');
  let db: DataSource;

  before(() => {
    db = scratch.db;
  });

  const pruner = (days: number, windowHours: number) =>
    new LookupKeyPruner(
      db,
      {
        LOOKUP_KEYS_RETENTION_DAYS: days,
        STORY_WINDOW_HOURS: windowHours,
        LOOKUP_KEYS_PRUNE_EVERY_MINUTES: 60,
      } as ClassifierEnv,
      new JsonLogger('test', 'error'),
    );

  it('deletes the keys of articles published before the retention, and nothing else', async () => {
    const now = new Date('2026-11-27T12:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600_000);
    const ids = { old: randomUUID(), recent: randomUUID(), edge: randomUUID() };
    await storeWithArticles(db, [
      row({ articleId: ids.old, linkingKeys: ['e:old'], publishedAt: daysAgo(20) }),
      row({ articleId: ids.recent, linkingKeys: ['e:recent'], publishedAt: daysAgo(3) }),
      row({ articleId: ids.edge, linkingKeys: ['e:edge'], publishedAt: daysAgo(13.9) }),
    ]);
    const keysOf = async (id: string) =>
      (
        (await db.query(
          'SELECT count(*)::int AS n FROM article_enrichment_keys WHERE article_id = $1',
          [id],
        )) as { n: number }[]
      )[0]!.n;
    const before = await keysOf(ids.old);
    assert.ok(before > 1);
    assert.equal(await pruner(14, 72).pruneOnce(now), before);
    assert.equal(await keysOf(ids.old), 0);
    assert.ok((await keysOf(ids.recent)) > 0 && (await keysOf(ids.edge)) > 0);
    const [{ n }]: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM article_enrichments WHERE article_id = $1',
      [ids.old],
    );
    assert.equal(n, 1, 'the enrichment itself stays');
  });

  it('never keeps less than twice the story window', () => {
    assert.equal(
      lookupKeyRetentionMs({ LOOKUP_KEYS_RETENTION_DAYS: 14, STORY_WINDOW_HOURS: 72 }),
      14 * 86_400_000,
    );
    assert.equal(
      lookupKeyRetentionMs({ LOOKUP_KEYS_RETENTION_DAYS: 1, STORY_WINDOW_HOURS: 72 }),
      6 * 86_400_000,
    );
  });
});

describe('the lookup-keys migration', () => {
  const { url, drop } = scratchDatabase('enrichment_backfill');

  after(drop);

  it('gives enrichments stored before it their bands and linking keys, not their countries', async () => {
    const before = await migratedUpTo(url, 'EnrichmentLookupKeys1765200000000');
    const articleId = randomUUID();
    await storeArticles(before, [articleId]);
    await before.query(
      `INSERT INTO article_enrichments (article_id, version, language, language_confidence, topics,
         places, entities, simhash, simhash_blocks, minhash, story_keys, story_id,
         classifier_version, published_at, minhash_bands)
       VALUES ($1, 1, 'en', 1, '[]', '{}', '[]', 1, '{0,0,0,1}', '{}', '{c:kz,e:csto}', $1,
         'old', '2026-11-20T12:00:00Z', '{5,-6}')`,
      [articleId],
    );
    await before.destroy();

    await migrateFrom(url, 'EnrichmentLookupKeys1765200000000');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const keys = await client.query<{ key: string }>(
      'SELECT key FROM article_enrichment_keys WHERE article_id = $1 ORDER BY key',
      [articleId],
    );
    await client.end();
    assert.deepEqual(
      keys.rows.map((r) => r.key),
      ['b:-6', 'b:5', 'e:csto'],
    );
  });
});

describe('the orphaned-enrichments migration', () => {
  const { url, drop } = scratchDatabase('enrichment_orphans');
  after(drop);

  it('deletes enrichments whose article is gone, with their keys, and validates the key', async () => {
    const before = await migratedUpTo(url, 'EnrichmentOrphansRemoved1765600000000');
    const kept = randomUUID();
    const orphan = randomUUID();
    await storeWithArticles(before, [
      row({ articleId: kept, linkingKeys: ['e:kept'] }),
      row({ articleId: orphan, linkingKeys: ['e:orphan'] }),
    ]);
    // As a feed removal racing the classifier left it before the article key existed.
    await before.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query('DELETE FROM articles WHERE id = $1', [orphan]);
    });
    await before.destroy();

    await migrateFrom(url, 'EnrichmentOrphansRemoved1765600000000');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stored = await client.query<{ id: string }>(
      'SELECT article_id::text AS id FROM article_enrichments',
    );
    const keys = await client.query<{ key: string }>(
      'SELECT key FROM article_enrichment_keys WHERE key LIKE $1 ORDER BY key',
      ['e:%'],
    );
    const constraint = await client.query<{ convalidated: boolean }>(
      `SELECT convalidated FROM pg_constraint WHERE conname = 'article_enrichments_article_fkey'`,
    );
    await client.end();
    assert.deepEqual(stored.rows, [{ id: kept }]);
    assert.deepEqual(
      keys.rows.map((r) => r.key),
      ['e:kept'],
    );
    assert.deepEqual(constraint.rows, [{ convalidated: true }]);
  });
});
