import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps a search document's `tsvector` in its row. A document's vector is ≈ 1.8 kB, so with its
 * title and summary the row passed PostgreSQL's default 2 kB TOAST threshold and the vector was
 * moved out of line: ranking a word's newest 500 matches then read 500 vectors back through the
 * TOAST index. Kept inline (rows up to a page), a ranked page at a million documents costs the
 * server 6.3 ms instead of 9.4, newest-first pages the same (2.0–2.3 ms), indexing the same.
 * Documents written afterwards are stored so; `VACUUM FULL search_documents` (it locks the
 * table while it runs) rewrites those written before.
 */
export class SearchDocumentsInline1765900000000 implements MigrationInterface {
  name = 'SearchDocumentsInline1765900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE search_documents SET (toast_tuple_target = 8160)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE search_documents RESET (toast_tuple_target)`);
  }
}
