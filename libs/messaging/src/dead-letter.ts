import type { KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf, qualifiedTopic, type TopicName } from '#contracts';

export type DeadLetterReason = 'contract_violation' | 'handler_failed';

export interface DeadLetterInput {
  topic: TopicName;
  topicPrefix: string;
  group: string;
  partition: number;
  message: KafkaMessage;
  reason: DeadLetterReason;
  error: unknown;
  attempts: number;
}

const MAX_ERROR_LENGTH = 2000;

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/**
 * The original key, body and headers, plus why and where it failed: enough to inspect it and
 * to replay it onto the original topic unchanged.
 */
export interface DeadLetterMessage {
  topic: string;
  message: {
    key: Buffer | null;
    value: Buffer | null;
    headers: Record<string, string | Buffer>;
  };
}

export function deadLetter(input: DeadLetterInput): DeadLetterMessage {
  const original: Record<string, string | Buffer> = {};
  for (const [name, value] of Object.entries(input.message.headers ?? {})) {
    if (value === undefined) continue;
    original[name] = Array.isArray(value) ? value[value.length - 1] : value;
  }
  return {
    topic: qualifiedTopic(input.topicPrefix, deadLetterTopicOf(input.topic)),
    message: {
      key: input.message.key,
      value: input.message.value,
      headers: {
        ...original,
        dlq_reason: input.reason,
        dlq_error: describe(input.error),
        dlq_consumer_group: input.group,
        dlq_original_topic: qualifiedTopic(input.topicPrefix, input.topic),
        dlq_original_partition: String(input.partition),
        dlq_original_offset: input.message.offset,
        dlq_attempts: String(input.attempts),
        dlq_failed_at: new Date().toISOString(),
      },
    },
  };
}
