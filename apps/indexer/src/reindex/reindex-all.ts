import type { DataSource } from 'typeorm';
import { buildSearchDocument } from '../search-index/build-document.js';
import { PostgresSearchIndex } from '../search-index/postgres-search-index.js';
import { toClassifiedEvent, type ArticleRow } from './article-rows.js';

const PAGE = 500;

export interface ReindexProgress {
  done: number;
  total: number;
  written: number;
}

/**
 * Rebuilds search_documents from articles + article_enrichments, in pages by article id.
 * Unchanged documents are skipped (same source hash) and changed ones rewritten, so it can run
 * beside the indexer and be interrupted and restarted.
 */
export async function reindexAll(
  dataSource: DataSource,
  options: { maxBodyChars: number; onProgress?: (progress: ReindexProgress) => void },
): Promise<ReindexProgress> {
  const index = new PostgresSearchIndex(dataSource);
  const [{ total }] = await dataSource.query(
    `SELECT count(*)::int AS total FROM articles a JOIN article_enrichments e ON e.article_id = a.id`,
  );
  const progress: ReindexProgress = { done: 0, total, written: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: ArticleRow[] = await dataSource.query(
      `SELECT a.id, a.version, a.feed_id, a.url, a.canonical_url, a.guid, a.title, a.summary,
              a.content_text, a.author, a.feed_language, a.categories, a.published_at, a.fetched_at,
              a.content_hash, e.language, e.language_confidence, e.topics, e.places, e.entities,
              e.story_id, e.near_duplicate_of, e.classifier_version
         FROM articles a JOIN article_enrichments e ON e.article_id = a.id
        WHERE a.id > $1 ORDER BY a.id LIMIT ${PAGE}`,
      [after],
    );
    if (rows.length === 0) {
      // Searches scan the GIN pending list: leave it merged, not full of the last pages.
      await index.maintain();
      return progress;
    }
    const documents = rows.map((row) =>
      buildSearchDocument(toClassifiedEvent(row), options.maxBodyChars),
    );
    progress.written += (await index.upsert(documents)).size;
    progress.done += rows.length;
    after = rows[rows.length - 1]!.id;
    options.onProgress?.(progress);
  }
}
