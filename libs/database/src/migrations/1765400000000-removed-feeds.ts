import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feeds removed through the api. Their articles already in the pipeline when the removal
 * committed (ingested, not yet indexed) must not come back as search documents no article
 * backs: the indexer skips documents of a feed listed here. Feed ids are random, so a feed
 * subscribed again gets a new one and is never blocked by an old removal.
 */
export class RemovedFeeds1765400000000 implements MigrationInterface {
  name = 'RemovedFeeds1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE removed_feeds (
        feed_id uuid PRIMARY KEY,
        removed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE removed_feeds`);
  }
}
