import type { EntityManager } from 'typeorm';
import type { EncodedEvent, TopicName } from '#contracts';

/** Queues encoded events in the caller's transaction; the relay publishes them after commit. */
export async function writeOutbox(
  manager: EntityManager,
  rows: { topic: TopicName; event: EncodedEvent }[],
): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO outbox (topic, message_key, payload, headers)
     SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[])`,
    [
      rows.map((row) => row.topic),
      rows.map((row) => row.event.key),
      rows.map((row) => row.event.value),
      rows.map((row) => JSON.stringify(row.event.headers)),
    ],
  );
}
