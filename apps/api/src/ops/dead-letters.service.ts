import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '#database';
import { EventProducer } from '#messaging';

export interface DeadLetterView {
  id: string;
  dlqTopic: string;
  originalTopic: string;
  consumerGroup: string;
  reason: string;
  error: string;
  attempts: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  failedAt: string;
  replayedAt: string | null;
}

const COLUMNS = `id::text, dlq_topic, original_topic, consumer_group, reason, error, attempts,
  message_key, message_value, headers, failed_at, replayed_at`;

/** Lists dead letters and sends them back to their original topic, as they first arrived. */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
  ) {}

  async list(filter: {
    topic?: string;
    pending?: boolean;
    limit: number;
  }): Promise<DeadLetterView[]> {
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM dead_letters
        WHERE ($1::text IS NULL OR original_topic = $1 OR dlq_topic = $1)
          AND (NOT $2 OR replayed_at IS NULL)
        ORDER BY id DESC LIMIT $3`,
      [filter.topic ?? null, filter.pending ?? false, filter.limit],
    );
    return rows.map(toView);
  }

  async replay(id: string): Promise<DeadLetterView> {
    const [row] = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM dead_letters WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`dead letter ${id} does not exist`);
    const letter = toView(row);
    await this.send(letter);
    const [updated] = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `UPDATE dead_letters SET replayed_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    return toView(updated);
  }

  /** Replays up to `limit` pending letters of one original topic, oldest first. */
  async replayPending(topic: string, limit: number): Promise<number> {
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM dead_letters WHERE original_topic = $1 AND replayed_at IS NULL
        ORDER BY id LIMIT $2`,
      [topic, limit],
    );
    for (const row of rows) await this.replay(String(row.id));
    return rows.length;
  }

  private async send(letter: DeadLetterView): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlq_')),
    );
    headers.replayed_from = `${letter.dlqTopic}#${letter.id}`;
    await this.producer.sendRaw(letter.originalTopic, [
      { key: letter.key, value: letter.value, headers },
    ]);
  }
}

function toView(row: Record<string, unknown>): DeadLetterView {
  return {
    id: String(row.id),
    dlqTopic: String(row.dlq_topic),
    originalTopic: String(row.original_topic),
    consumerGroup: String(row.consumer_group),
    reason: String(row.reason),
    error: String(row.error),
    attempts: Number(row.attempts),
    key: (row.message_key as string | null) ?? null,
    value: (row.message_value as string | null) ?? null,
    headers: row.headers as Record<string, string>,
    failedAt: new Date(row.failed_at as string).toISOString(),
    replayedAt: row.replayed_at ? new Date(row.replayed_at as string).toISOString() : null,
  };
}
