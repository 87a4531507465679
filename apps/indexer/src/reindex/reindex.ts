import 'reflect-metadata';
import { createDataSource } from '#database';
import { buildSearchDocument } from '../search-index/build-document.js';
import { PostgresSearchIndex } from '../search-index/postgres-search-index.js';
import { toClassifiedEvent, type ArticleRow } from './article-rows.js';

const PAGE = 500;
const MAX_BODY_CHARS = Number(process.env.INDEX_MAX_BODY_CHARS ?? 100_000);

function progressLine(done: number, total: number, written: number, started: number): string {
  const share = total === 0 ? 1 : done / total;
  const width = 30;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
  return `\r[${bar}] ${done}/${total} articles, ${written} documents written, ${rate}/s`;
}

/**
 * `npm run reindex`: rebuilds search_documents from articles + article_enrichments, in pages
 * by article id. Unchanged documents are skipped (same source hash), changed ones rewritten,
 * so it can run while the indexer runs and be interrupted and restarted.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsfeed';
  const dataSource = await createDataSource({
    url,
    poolSize: 2,
    applicationName: 'reindex',
  }).initialize();
  const index = new PostgresSearchIndex(dataSource);
  try {
    const [{ total }] = await dataSource.query(
      `SELECT count(*)::int AS total FROM articles a JOIN article_enrichments e ON e.article_id = a.id`,
    );
    const started = Date.now();
    let after = '00000000-0000-0000-0000-000000000000';
    let done = 0;
    let written = 0;
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
      if (rows.length === 0) break;
      const documents = rows.map((row) =>
        buildSearchDocument(toClassifiedEvent(row), MAX_BODY_CHARS),
      );
      written += (await index.upsert(documents)).size;
      done += rows.length;
      after = rows[rows.length - 1]!.id;
      process.stdout.write(progressLine(done, total, written, started));
    }
    process.stdout.write(
      `${progressLine(done, total, written, started)}\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reindex: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
