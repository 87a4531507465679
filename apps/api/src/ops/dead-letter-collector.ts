import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { CommonEnv } from '#config';
import { ALL_TOPICS, deadLetterTopicOf, headersToStrings, qualifiedTopic } from '#contracts';
import type { JsonLogger } from '#observability';
import { ENV, KAFKA, LOGGER } from '#platform';

/**
 * Copies every dead letter into the `dead_letters` table so the ops API can list and replay
 * them. Dead letters are raw (they failed their contract), so this reads them without the
 * contract-checking consumer base; the table's unique key makes re-delivery harmless.
 */
@Injectable()
export class DeadLetterCollector implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  private running = false;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: CommonEnv,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.consumer = kafka.consumer({
      groupId: `newsfeed-api-dead-letters${env.KAFKA_TOPIC_PREFIX ? `-${env.KAFKA_TOPIC_PREFIX}` : ''}`,
      retry: { retries: 5, restartOnFailure: async () => false },
      maxWaitTimeInMs: 500,
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      this.logger.error('dead-letter collector crashed', payload.error);
      process.exit(1);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: ALL_TOPICS.map((topic) =>
        qualifiedTopic(this.env.KAFKA_TOPIC_PREFIX, deadLetterTopicOf(topic)),
      ),
      fromBeginning: true,
    });
    this.running = true;
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => this.store(topic, partition, message),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.disconnect();
  }

  private async store(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const headers = headersToStrings(message.headers);
    await this.dataSource.query(
      `INSERT INTO dead_letters (dlq_topic, dlq_partition, dlq_offset, original_topic, consumer_group,
         reason, error, attempts, message_key, message_value, headers, failed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING`,
      [
        topic,
        partition,
        message.offset,
        headers.dlq_original_topic ?? topic.replace(/\.dlq$/, ''),
        headers.dlq_consumer_group ?? 'unknown',
        headers.dlq_reason ?? 'unknown',
        headers.dlq_error ?? '',
        Number(headers.dlq_attempts ?? 0),
        message.key?.toString() ?? null,
        message.value?.toString() ?? null,
        JSON.stringify(headers),
        headers.dlq_failed_at ?? new Date(Number(message.timestamp)).toISOString(),
      ],
    );
  }
}
