import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_RUM_INDEX } from './1764700000000-search-rum.js';

/** The GIN full-text index of search_documents. */
export const SEARCH_GIN_INDEX = 'search_documents_document_idx';

/**
 * Pending-list size of the GIN index, in kB. New documents are appended to the pending list and
 * merged into the posting trees in bulk, which costs a fraction of inserting them one by one
 * (measured at 1,000,000 documents: ≈ 4,600 documents/s merged from a large list, ≈ 1,700/s
 * with the 4 MB default that merges every few hundred documents). The indexer merges it every
 * second (SEARCH_GIN_MERGE_MS), so searches, which scan the list, never meet a large one.
 */
export const SEARCH_GIN_PENDING_LIST_KB = 65_536;

/**
 * GIN becomes the default full-text index; RUM only with SEARCH_RUM=on. Measured at 1,000,000
 * documents, RUM's writes cost ≈ 1 ms of CPU per document even with the whole index in shared
 * buffers (≈ 240 kB of WAL per document through its generic WAL records), which caps indexing
 * near 650 documents/s, while the API ranks the newest matches of a term and never needs
 * RUM's ranking order. A database that has the RUM index gets GIN back (built once) unless
 * SEARCH_RUM=on.
 */
export class SearchGinDefault1764900000000 implements MigrationInterface {
  name = 'SearchGinDefault1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    // Ten times the default sample: the lexeme list ANALYZE keeps then reaches words in a few
    // hundredths of a percent of the documents, so a rare word is estimated as rare (the API
    // picks its plan from that estimate). ANALYZE of 1,000,000 documents takes ≈ 9 s.
    await runner.query(`ALTER TABLE search_documents ALTER COLUMN document SET STATISTICS 1000`);
    if (process.env.SEARCH_RUM === 'on' && (await hasIndex(runner, SEARCH_RUM_INDEX))) return;
    await runner.query(
      `CREATE INDEX IF NOT EXISTS ${SEARCH_GIN_INDEX} ON search_documents USING gin (document)`,
    );
    await runner.query(`DROP INDEX IF EXISTS ${SEARCH_RUM_INDEX}`);
    await runner.query(
      `ALTER INDEX ${SEARCH_GIN_INDEX} SET (fastupdate = on, gin_pending_list_limit = ${SEARCH_GIN_PENDING_LIST_KB})`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE search_documents ALTER COLUMN document SET STATISTICS -1`);
    if (await hasIndex(runner, SEARCH_GIN_INDEX)) {
      await runner.query(`ALTER INDEX ${SEARCH_GIN_INDEX} RESET (gin_pending_list_limit)`);
    }
  }
}

/** Whether search_documents has an index of this name. */
export async function hasIndex(runner: QueryRunner, name: string): Promise<boolean> {
  const rows: unknown[] = await runner.query(
    `SELECT 1 FROM pg_indexes WHERE tablename = 'search_documents' AND indexname = $1`,
    [name],
  );
  return rows.length > 0;
}
