import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enrichments left behind by feed removals before the article key existed (see
 * EnrichmentsFollowArticles1765500000000) are deleted, with their lookup keys, and the key is then
 * validated so it holds for every row. No new orphan can appear since that key: the delete is a
 * one-off anti-join, and VALIDATE takes a lock that lets the classifier go on writing.
 */
export class EnrichmentOrphansRemoved1765600000000 implements MigrationInterface {
  name = 'EnrichmentOrphansRemoved1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DELETE FROM article_enrichments e
        WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id)`,
    );
    await runner.query(
      `ALTER TABLE article_enrichments VALIDATE CONSTRAINT article_enrichments_article_fkey`,
    );
  }

  async down(): Promise<void> {
    // The deleted rows described articles that no longer exist; a validated key is as usable
    // as one NOT VALID, so there is nothing to undo.
  }
}
