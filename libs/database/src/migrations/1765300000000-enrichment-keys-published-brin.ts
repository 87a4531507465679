import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The classifier prunes lookup keys older than LOOKUP_KEYS_RETENTION_DAYS by publication time.
 * Keys are written in roughly that order, so a BRIN index (a few kilobytes) finds the old
 * ones without a B-tree's ~30 bytes per key.
 */
export class EnrichmentKeysPublishedBrin1765300000000 implements MigrationInterface {
  name = 'EnrichmentKeysPublishedBrin1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX article_enrichment_keys_published_brin ON article_enrichment_keys
         USING brin (published_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX article_enrichment_keys_published_brin`);
  }
}
