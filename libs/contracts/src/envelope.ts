import { randomUUID } from 'node:crypto';
import { EVENT_SCHEMAS, type EventPayload } from './registry.js';
import type { TopicName } from './topics.js';

/**
 * CloudEvents 1.0, Kafka binary binding: attributes travel as `ce_*` headers and the body is
 * the JSON payload. This is the one envelope every producer and consumer uses.
 */
export interface CloudEventAttributes {
  id: string;
  type: string;
  source: string;
  time: string;
  specversion: '1.0';
  subject?: string;
}

export type KafkaHeaders = Record<string, string>;

export interface EncodedEvent {
  key: string;
  value: string;
  headers: KafkaHeaders;
}

export interface DecodedEvent<T extends TopicName> {
  attributes: CloudEventAttributes;
  payload: EventPayload<T>;
}

/** A message that does not satisfy its topic's contract; never retried, sent to the DLQ. */
export class ContractViolationError extends Error {
  constructor(
    readonly topic: string,
    readonly problems: string[],
  ) {
    super(`contract violation on ${topic}: ${problems.join('; ')}`);
  }
}

const REQUIRED_HEADERS = ['ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_specversion'] as const;

export function validatePayload<T extends TopicName>(topic: T, payload: unknown): EventPayload<T> {
  const result = EVENT_SCHEMAS[topic].safeParse(payload);
  if (!result.success) {
    throw new ContractViolationError(
      topic,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data as EventPayload<T>;
}

export function encodeEvent<T extends TopicName>(
  topic: T,
  payload: EventPayload<T>,
  options: { key: string; source: string; id?: string; time?: Date; subject?: string },
): EncodedEvent {
  const valid = validatePayload(topic, payload);
  const headers: KafkaHeaders = {
    ce_id: options.id ?? randomUUID(),
    ce_type: topic,
    ce_source: options.source,
    ce_time: (options.time ?? new Date()).toISOString(),
    ce_specversion: '1.0',
    'content-type': 'application/json',
  };
  if (options.subject) headers.ce_subject = options.subject;
  return { key: options.key, value: JSON.stringify(valid), headers };
}

export function decodeEvent<T extends TopicName>(
  topic: T,
  value: Buffer | string | null,
  headers: KafkaHeaders,
): DecodedEvent<T> {
  const missing = REQUIRED_HEADERS.filter((name) => !headers[name]);
  if (missing.length > 0) {
    throw new ContractViolationError(topic, [`missing CloudEvents headers: ${missing.join(', ')}`]);
  }
  if (headers.ce_specversion !== '1.0') {
    throw new ContractViolationError(topic, [
      `unsupported ce_specversion ${headers.ce_specversion}`,
    ]);
  }
  if (headers.ce_type !== topic) {
    throw new ContractViolationError(topic, [`ce_type ${headers.ce_type} does not belong here`]);
  }
  if (value === null) throw new ContractViolationError(topic, ['empty message body']);
  let body: unknown;
  try {
    body = JSON.parse(value.toString());
  } catch {
    throw new ContractViolationError(topic, ['body is not valid JSON']);
  }
  return {
    attributes: {
      id: headers.ce_id,
      type: headers.ce_type,
      source: headers.ce_source,
      time: headers.ce_time,
      specversion: '1.0',
      subject: headers.ce_subject,
    },
    payload: validatePayload(topic, body),
  };
}

/** Kafka header values arrive as Buffers (or arrays of them); the envelope wants strings. */
export function headersToStrings(
  raw: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): KafkaHeaders {
  const out: KafkaHeaders = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    const single = Array.isArray(value) ? value[value.length - 1] : value;
    out[name] = single.toString();
  }
  return out;
}
