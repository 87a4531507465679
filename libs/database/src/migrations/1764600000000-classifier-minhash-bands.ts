import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MinHash LSH bands of each enrichment: near-duplicates whose SimHashes differ in more than 3
 * bits (so share no 16-bit block) and that name no place or entity are still found as candidates.
 * Rows classified before this stay '{}' until `npm run reclassify` replays them.
 */
export class ClassifierMinhashBands1764600000000 implements MigrationInterface {
  name = 'ClassifierMinhashBands1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE article_enrichments ADD COLUMN minhash_bands integer[] NOT NULL DEFAULT '{}'`,
    );
    await runner.query(
      `CREATE INDEX article_enrichments_minhash_bands_idx ON article_enrichments USING gin (minhash_bands)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX article_enrichments_minhash_bands_idx`);
    await runner.query(`ALTER TABLE article_enrichments DROP COLUMN minhash_bands`);
  }
}
