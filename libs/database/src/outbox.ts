import type { EntityManager } from 'typeorm';
import type { EncodedEvent, TopicName } from '#contracts';

export interface OutboxRow {
  topic: TopicName;
  event: EncodedEvent;
}

/** The four column arrays an `unnest` insert of outbox rows binds (topic, key, payload, headers). */
export function outboxColumns(
  rows: readonly OutboxRow[],
): [string[], string[], string[], string[]] {
  return [
    rows.map((row) => row.topic),
    rows.map((row) => row.event.key),
    rows.map((row) => row.event.value),
    rows.map((row) => JSON.stringify(row.event.headers)),
  ];
}

/** SQL inserting the rows bound at `$first`…`$first+3` by outboxColumns. */
export function outboxInsertSql(first: number): string {
  return `INSERT INTO outbox (topic, message_key, payload, headers)
          SELECT * FROM unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::jsonb[],
                               $${first + 3}::jsonb[])`;
}

/**
 * Queues encoded events in the caller's transaction; the ingestor's relay publishes them after
 * commit (the api's feed removal uses it too: the event goes out only if the removal committed).
 */
export async function writeOutbox(
  manager: Pick<EntityManager, 'query'>,
  rows: readonly OutboxRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(outboxInsertSql(1), outboxColumns(rows));
}
