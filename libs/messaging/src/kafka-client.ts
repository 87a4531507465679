import { createRequire } from 'node:module';
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

interface BrokerErrorCode {
  type: string;
  retriable: boolean;
  message: string;
}

/** The broker's error codes as kafkajs knows them (it exports no typed list of its own). */
const BROKER_ERRORS = new Map(
  (
    createRequire(import.meta.url)('kafkajs/src/protocol/error.js') as {
      errorCodes: BrokerErrorCode[];
    }
  ).errorCodes.map((code) => [code.message, code]),
);

/**
 * kafkajs logs every error answer from a broker at ERROR, then retries the retriable ones (a
 * group coordinator still loading after a broker start, a leader moving): those are warnings,
 * named by their type, so an alert on errors does not fire on every start.
 */
function levelOf(level: number, message: string, fields: Record<string, unknown>) {
  const name = LEVEL_NAMES[level] ?? 'info';
  if (name !== 'error' || !message.startsWith('Response ')) return { name, fields };
  const code = typeof fields.error === 'string' ? BROKER_ERRORS.get(fields.error) : undefined;
  if (!code?.retriable) return { name, fields };
  return { name: 'warn' as const, fields: { ...fields, brokerError: code.type, retried: true } };
}

/** Writes kafkajs's log entries through the service's JSON logger. */
export function kafkaLogWriter(logger: JsonLogger): (entry: LogEntry) => void {
  const log = logger.child({ component: 'kafkajs' });
  return ({ level, log: entry }: LogEntry) => {
    const { message, ...rest } = entry;
    // Retries are bounded on purpose: the outbox re-sends whatever a failed send left behind.
    if (message.startsWith('Limiting retries for the idempotent producer')) return;
    const { name, fields } = levelOf(level, message, rest);
    if (name === 'error') log.error(message, undefined, fields);
    else log[name](message, fields);
  };
}

/** kafkajs logs through the service's JSON logger so one log stream tells the whole story. */
export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10000 },
    logLevel: KafkaLogLevel.WARN,
    logCreator: () => kafkaLogWriter(options.logger),
  });
}
