import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery to subscribers: saved searches, webhook subscriptions and their delivery log, and the
 * index the live stream replays from (Last-Event-ID is a position in indexed_at order).
 */
export class SearchDelivery1764300000000 implements MigrationInterface {
  name = 'SearchDelivery1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX search_documents_indexed_idx ON search_documents (indexed_at, article_id)`,
    );
    await runner.query(`
      CREATE TABLE saved_searches (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        params jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        target_url text NOT NULL,
        secret text NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        saved_search_id uuid REFERENCES saved_searches (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'disabled')),
        disabled_reason text,
        consecutive_failed_deliveries integer NOT NULL DEFAULT 0,
        last_success_at timestamptz,
        last_failure_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        article_id uuid NOT NULL,
        article_version integer NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status integer,
        last_error text,
        last_duration_ms integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (subscription_id, article_id, article_version)
      )`);
    await runner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await runner.query(
      `CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS webhook_deliveries`);
    await runner.query(`DROP TABLE IF EXISTS webhook_subscriptions`);
    await runner.query(`DROP TABLE IF EXISTS saved_searches`);
    await runner.query(`DROP INDEX IF EXISTS search_documents_indexed_idx`);
  }
}
