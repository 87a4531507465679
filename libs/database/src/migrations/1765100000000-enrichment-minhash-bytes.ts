import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The MinHash signature also as bytes (4 per value, big-endian), kept by PostgreSQL itself: the
 * classifier reads 200 story candidates' signatures per article, and parsing them from integer[]
 * text was most of its CPU under load (≈ 20–80 µs a signature; bytes decode in ≈ 2).
 */
export class EnrichmentMinhashBytes1765100000000 implements MigrationInterface {
  name = 'EnrichmentMinhashBytes1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE OR REPLACE FUNCTION minhash_bytes(signature integer[]) RETURNS bytea
         LANGUAGE sql IMMUTABLE PARALLEL SAFE
         AS $$ SELECT string_agg(int4send(v), ''::bytea ORDER BY i)
                 FROM unnest(signature) WITH ORDINALITY AS u(v, i) $$`,
    );
    await runner.query(
      `ALTER TABLE article_enrichments
         ADD COLUMN IF NOT EXISTS minhash_bytes bytea GENERATED ALWAYS AS (minhash_bytes(minhash)) STORED`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE article_enrichments DROP COLUMN IF EXISTS minhash_bytes`);
    await runner.query(`DROP FUNCTION IF EXISTS minhash_bytes(integer[])`);
  }
}
