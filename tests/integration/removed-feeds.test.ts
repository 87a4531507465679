import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { sampleClassified } from '#contracts/testing';
import { buildSearchDocument } from '../../apps/indexer/src/search-index/build-document.js';
import { PostgresSearchIndex } from '../../apps/indexer/src/search-index/postgres-search-index.js';
import { migratedScratchDatabase } from '../support/scratch-database.js';

describe('the search index and removed feeds', () => {
  const scratch = migratedScratchDatabase('removed_feeds');
  let db: DataSource;

  before(() => {
    db = scratch.db;
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
