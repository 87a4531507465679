import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  hasIndex,
  SEARCH_GIN_INDEX,
  SEARCH_GIN_PENDING_LIST_KB,
} from './1764900000000-search-gin-default.js';
import { SEARCH_RUM_INDEX } from './1764700000000-search-rum.js';

const REPLACEMENT = 'search_documents_document_filters_idx';
/** The text index's columns: the filters beside the words, language only where btree_gin is. */
export const FILTER_COLUMNS = 'document, language, topics, places, entities';
export const FILTER_COLUMNS_WITHOUT_LANGUAGE = 'document, topics, places, entities';
const ENTITIES_INDEX = 'search_documents_entities_idx';

/**
 * The GIN full-text index also holds each document's language, topics, places and entities, so
 * words searched with one of those filters are intersected inside one index scan, which skips
 * through the filter's posting tree to the word's matches, instead of AND-ing the word's bitmap
 * with a bitmap of every document of that language, topic or country. Measured at 1,000,000
 * documents (a sampled word with the filter and facets, 150 queries): topic p50 123 → 33–37 ms,
 * p95 335 → 72–120 ms; place p50 136–140 → 35–40 ms, p95 311–388 → 102–133 ms; language p50
 * 17 → 5–9 ms (the p95s that remain are reads of the matches from the table). A word in 5.8 %
 * of the documents searched with lang=fr, where it never occurs: 20–30 → 2–3.5 ms per
 * statement. Indexing rate unchanged (≈ 4,000–4,300 documents/s either way). Entities had no
 * index at all, so a rare entity could only be found by reading every document.
 * `language` needs btree_gin (a trusted contrib extension); where it cannot be created the index
 * holds the rest. Databases on RUM (SEARCH_RUM=on) keep their index and get one on entities.
 */
export class SearchFiltersInTextIndex1765700000000 implements MigrationInterface {
  name = 'SearchFiltersInTextIndex1765700000000';
  /**
   * The index is built CONCURRENTLY, which PostgreSQL refuses inside a transaction: at 1,000,000
   * documents the build took 250 s, while the indexer's bench went on writing 2,192 documents/s
   * (a plain build blocks every write until it ends).
   */
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    if (await hasIndex(runner, SEARCH_RUM_INDEX)) {
      // RUM keeps its index; the entity filter gets one of its own, as topics and places have.
      await runner.query(
        `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${ENTITIES_INDEX} ON search_documents USING gin (entities)`,
      );
      return;
    }
    if (!(await hasIndex(runner, SEARCH_GIN_INDEX))) return;
    let columns = FILTER_COLUMNS;
    try {
      await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    } catch {
      columns = FILTER_COLUMNS_WITHOUT_LANGUAGE;
    }
    await replaceIndex(runner, columns);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS ${ENTITIES_INDEX}`);
    if (await hasIndex(runner, SEARCH_GIN_INDEX)) await replaceIndex(runner, 'document');
  }
}

/**
 * Builds the text index anew over `columns` beside the old one, then swaps them in one
 * transaction, so searches always have a text index. A build that was interrupted leaves an
 * invalid index of the replacement's name, dropped on the next run.
 */
export async function replaceIndex(runner: QueryRunner, columns: string): Promise<void> {
  // A GIN build gathers entries in maintenance_work_mem and writes them out whenever it fills.
  await runner.query(`SET maintenance_work_mem = '256MB'`);
  try {
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS ${REPLACEMENT}`);
    await runner.query(
      `CREATE INDEX CONCURRENTLY ${REPLACEMENT} ON search_documents USING gin (${columns})`,
    );
  } finally {
    await runner.query('RESET maintenance_work_mem');
  }
  await runner.startTransaction();
  try {
    await runner.query(`DROP INDEX ${SEARCH_GIN_INDEX}`);
    await runner.query(`ALTER INDEX ${REPLACEMENT} RENAME TO ${SEARCH_GIN_INDEX}`);
    await runner.query(
      `ALTER INDEX ${SEARCH_GIN_INDEX} SET (fastupdate = on, gin_pending_list_limit = ${SEARCH_GIN_PENDING_LIST_KB})`,
    );
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}
