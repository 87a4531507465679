import { randomUUID } from 'node:crypto';

/** What can run a statement: a TypeORM data source or a pg client alike. */
interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Stored articles with these ids, under a feed of their own (returned): an enrichment refers to
 * its article, so storing one for an id without an article stores nothing.
 */
export async function storeArticles(db: Queryable, ids: readonly string[]): Promise<string> {
  const feedId = randomUUID();
  await db.query('INSERT INTO feeds (id, url) VALUES ($1, $2)', [
    feedId,
    `http://127.0.0.1/feeds/${feedId}.xml`,
  ]);
  await db.query(
    `INSERT INTO articles (id, feed_id, guid, content_fingerprint, content_hash, title, fetched_at)
     SELECT id, $2, id::text, id::text, id::text, 'an article', now() FROM unnest($1::uuid[]) AS id
     ON CONFLICT (id) DO NOTHING`,
    [ids, feedId],
  );
  return feedId;
}
