import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Gauge } from 'prom-client';
import type { EncodedEvent, TopicName } from '#contracts';
import { EventProducer } from '#messaging';
import type { JsonLogger } from '#observability';
import { BackgroundLoop, LOGGER } from '#platform';
import type { IngestorEnv } from '../env.js';
import { INGESTOR_ENV } from '../tokens.js';
import { OutboxSignal } from './outbox-signal.js';

interface OutboxRow {
  id: string;
  topic: TopicName;
  message_key: string;
  payload: unknown;
  headers: Record<string, string>;
}

const outboxBacklog = new Gauge({
  name: 'newsfeed_outbox_backlog',
  help: 'Events committed but not yet acknowledged by Kafka (sampled per relay pass)',
});

/**
 * Publishes committed outbox rows to Kafka and deletes them only after Kafka acknowledged:
 * nothing is lost between the database and the broker, nothing is sent before the commit.
 * Replicas share the work through SKIP LOCKED; a crash between send and delete re-sends
 * (at-least-once; consumers are idempotent).
 */
@Injectable()
export class OutboxRelay extends BackgroundLoop {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
    private readonly signal: OutboxSignal,
    @Inject(INGESTOR_ENV) private readonly env: IngestorEnv,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    super();
  }

  protected async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.relayOnce();
        failures = 0;
        if (sent === 0) await this.signal.wait(this.env.OUTBOX_IDLE_MS);
      } catch (error) {
        failures += 1;
        this.logger.warn('outbox relay pass failed; retrying', { error: String(error), failures });
        await sleep(Math.min(10_000, 200 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /** One pass: lock a batch, publish it, delete it, commit. Returns how many were published. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, topic, message_key, payload, headers FROM outbox
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.env.OUTBOX_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      for (const [topic, events] of groupByTopic(rows)) {
        await this.producer.sendEncoded(topic, events);
      }
      await manager.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      outboxBacklog.set(rows.length === this.env.OUTBOX_BATCH_SIZE ? rows.length : 0);
      return rows.length;
    });
  }
}

function groupByTopic(rows: OutboxRow[]): Map<TopicName, EncodedEvent[]> {
  const groups = new Map<TopicName, EncodedEvent[]>();
  for (const row of rows) {
    const events = groups.get(row.topic) ?? [];
    events.push({ key: row.message_key, value: JSON.stringify(row.payload), headers: row.headers });
    groups.set(row.topic, events);
  }
  return groups;
}
