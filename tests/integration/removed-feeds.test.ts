import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { sampleClassified } from '#contracts/testing';
import { createDataSource, migrate } from '#database';
import { buildSearchDocument } from '../../apps/indexer/src/search-index/build-document.js';
import { PostgresSearchIndex } from '../../apps/indexer/src/search-index/postgres-search-index.js';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('the search index and removed feeds', () => {
  const name = `removed_feeds_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let db: DataSource;

  before(async () => {
    await migrate(url.toString());
    db = createDataSource({ url: url.toString(), poolSize: 2 });
    await db.initialize();
  });

  after(async () => {
    await db?.destroy();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('skips documents of a feed removed while its articles were in the pipeline', async () => {
    const removedFeed = randomUUID();
    const liveFeed = randomUUID();
    await db.query('INSERT INTO removed_feeds (feed_id) VALUES ($1)', [removedFeed]);
    const late = sampleClassified({ articleId: randomUUID(), feedId: removedFeed });
    const live = sampleClassified({ articleId: randomUUID(), feedId: liveFeed });
    const written = await new PostgresSearchIndex(db).upsert(
      [late, live].map((event) => buildSearchDocument(event, 10_000)),
    );
    assert.deepEqual([...written], [live.articleId]);
    const rows: { feed_id: string }[] = await db.query('SELECT feed_id FROM search_documents');
    assert.deepEqual(
      rows.map((row) => row.feed_id),
      [liveFeed],
    );
  });
});
