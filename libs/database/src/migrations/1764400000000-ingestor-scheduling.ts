import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ingestor's scheduling state and per-host politeness shared by all replicas:
 * - feeds: the schedule policy's health, failure streak start, 404 streak, recent publication
 *   times and the document's schedule hints (ttl, sy:*, skipHours/Days — a 304 has no document) and the host a feed
 *   belongs to (generated from its URL, so every writer of `url` keeps it right).
 * - hosts: one row per feed host with the politeness clock (`next_allowed_at`), the permits in
 *   flight as leases (`permits`: permit id -> expiry epoch ms, so a crashed replica's permits
 *   expire), and the host-wide deferral after many of its feeds answered 429/503.
 */
export class IngestorScheduling1764400000000 implements MigrationInterface {
  name = 'IngestorScheduling1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE feeds
        ADD COLUMN health text NOT NULL DEFAULT 'active'
          CHECK (health IN ('active', 'backing_off', 'parked', 'gone')),
        ADD COLUMN failing_since timestamptz,
        ADD COLUMN consecutive_not_found integer NOT NULL DEFAULT 0,
        ADD COLUMN recent_published_at timestamptz[] NOT NULL DEFAULT '{}',
        ADD COLUMN publisher_hints jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN last_outcome text,
        ADD COLUMN host text GENERATED ALWAYS AS (
          rtrim(lower(substring(url from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\\[[^]]*\\]|[^:/?#]*)')), '.')
        ) STORED`);
    await runner.query(`CREATE INDEX feeds_host_idx ON feeds (host)`);
    await runner.query(`CREATE INDEX feeds_created_idx ON feeds (created_at, id)`);

    await runner.query(`
      CREATE TABLE hosts (
        host text PRIMARY KEY,
        next_allowed_at timestamptz NOT NULL DEFAULT '-infinity',
        permits jsonb NOT NULL DEFAULT '{}',
        deferred_until timestamptz,
        strikes integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX hosts_deferred_idx ON hosts (deferred_until) WHERE deferred_until IS NOT NULL`,
    );
    // A hosts row exists for every feed host, whoever inserted or moved the feed.
    await runner.query(`
      CREATE FUNCTION feeds_ensure_host() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.host IS NOT NULL THEN
          INSERT INTO hosts (host) VALUES (NEW.host) ON CONFLICT (host) DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER feeds_ensure_host AFTER INSERT OR UPDATE OF url ON feeds
        FOR EACH ROW EXECUTE FUNCTION feeds_ensure_host()`);
    await runner.query(
      `INSERT INTO hosts (host) SELECT DISTINCT host FROM feeds WHERE host IS NOT NULL
         ON CONFLICT (host) DO NOTHING`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER IF EXISTS feeds_ensure_host ON feeds`);
    await runner.query(`DROP FUNCTION IF EXISTS feeds_ensure_host()`);
    await runner.query(`DROP TABLE IF EXISTS hosts`);
    await runner.query(`DROP INDEX IF EXISTS feeds_created_idx`);
    await runner.query(`DROP INDEX IF EXISTS feeds_host_idx`);
    await runner.query(`
      ALTER TABLE feeds
        DROP COLUMN IF EXISTS host,
        DROP COLUMN IF EXISTS last_outcome,
        DROP COLUMN IF EXISTS publisher_hints,
        DROP COLUMN IF EXISTS recent_published_at,
        DROP COLUMN IF EXISTS consecutive_not_found,
        DROP COLUMN IF EXISTS failing_since,
        DROP COLUMN IF EXISTS health`);
  }
}
