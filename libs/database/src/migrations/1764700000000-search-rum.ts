import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The RUM index that replaces the GIN full-text index where the server has the extension. */
export const SEARCH_RUM_INDEX = 'search_documents_rum_idx';

/**
 * Full-text search over the RUM index (Debian's `postgresql-15-rum`) where the server offers it:
 * `rum_tsvector_addon_ops` with published_at attached, so "the newest matches" comes straight
 * out of the index (`ORDER BY published_at <=| …`) instead of walking the time index and
 * rechecking every row, or fetching every match from the heap. It answers `@@` as well, so the
 * GIN index goes (one full-text index to maintain per write).
 *
 * Servers without the extension, or where creating it is not allowed, keep the GIN index: the
 * migration succeeds either way and the API picks its plan from the index it finds.
 * SEARCH_RUM=off skips RUM (to exercise the GIN path on a server that has it).
 */
export class SearchRum1764700000000 implements MigrationInterface {
  name = 'SearchRum1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    if (process.env.SEARCH_RUM === 'off' || !(await rumAvailable(runner))) return;
    await runner.query('SAVEPOINT search_rum');
    try {
      await runner.query('CREATE EXTENSION IF NOT EXISTS rum');
    } catch {
      // Not allowed for this role (rum is not a trusted extension): keep GIN.
      await runner.query('ROLLBACK TO SAVEPOINT search_rum');
      return;
    }
    await runner.query(
      `CREATE INDEX IF NOT EXISTS ${SEARCH_RUM_INDEX} ON search_documents
         USING rum (document rum_tsvector_addon_ops, published_at)
         WITH (attach = 'published_at', to = 'document')`,
    );
    await runner.query('DROP INDEX IF EXISTS search_documents_document_idx');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX IF NOT EXISTS search_documents_document_idx ON search_documents USING gin (document)`,
    );
    await runner.query(`DROP INDEX IF EXISTS ${SEARCH_RUM_INDEX}`);
  }
}

async function rumAvailable(runner: QueryRunner): Promise<boolean> {
  const rows: unknown[] = await runner.query(
    `SELECT 1 FROM pg_available_extensions WHERE name = 'rum'`,
  );
  return rows.length > 0;
}
