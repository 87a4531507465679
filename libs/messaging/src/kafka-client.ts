import { Kafka, logLevel as KafkaLogLevel, type LogEntry } from 'kafkajs';
import type { JsonLogger } from '#observability';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: JsonLogger;
}

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

/** kafkajs logs through the service's JSON logger so one log stream tells the whole story. */
export function createKafka(options: KafkaClientOptions): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10000 },
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...fields } = entry;
        // Retries are bounded on purpose: the outbox re-sends whatever a failed send left behind.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        const name = LEVEL_NAMES[level] ?? 'info';
        if (name === 'error') log.error(message, undefined, fields);
        else log[name](message, fields);
      },
  });
}
