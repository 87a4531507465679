import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dead letters collected from every `<topic>.dlq`, so people can inspect and replay them. */
export class DeadLetters1764500000000 implements MigrationInterface {
  name = 'DeadLetters1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE dead_letters (
        id bigserial PRIMARY KEY,
        dlq_topic text NOT NULL,
        dlq_partition integer NOT NULL,
        dlq_offset bigint NOT NULL,
        original_topic text NOT NULL,
        consumer_group text NOT NULL,
        reason text NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        message_key text,
        message_value text,
        headers jsonb NOT NULL,
        failed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz,
        UNIQUE (dlq_topic, dlq_partition, dlq_offset)
      )`);
    await runner.query(
      `CREATE INDEX dead_letters_pending_idx ON dead_letters (original_topic, id) WHERE replayed_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS dead_letters`);
  }
}
