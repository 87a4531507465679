import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An enrichment goes with its article. Removing a feed deletes its articles; an article the
 * classifier was still working on could have its enrichment written after that delete, left
 * behind for good. With this key the classifier's write holds the article until it commits
 * (a removal deletes the article after it, and the enrichment with it), and a write for an
 * article already gone is refused. NOT VALID: rows stored before are not checked, so the
 * migration takes no time on a large table.
 */
export class EnrichmentsFollowArticles1765500000000 implements MigrationInterface {
  name = 'EnrichmentsFollowArticles1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE article_enrichments ADD CONSTRAINT article_enrichments_article_fkey
         FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE NOT VALID`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE article_enrichments DROP CONSTRAINT article_enrichments_article_fkey`,
    );
  }
}
