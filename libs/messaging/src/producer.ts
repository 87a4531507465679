import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import {
  encodeEvent,
  qualifiedTopic,
  type EncodedEvent,
  type EventPayload,
  type TopicName,
} from '#contracts';
import { publishedCounter } from './metrics.js';

export interface ProducerOptions {
  topicPrefix: string;
  /** CloudEvents `source` of every event this producer emits, e.g. `/newsfeed/ingestor`. */
  source: string;
}

/**
 * The project's own producer type in front of kafkajs: validates every payload against its
 * contract, wraps it in the CloudEvents envelope and waits for all in-sync replicas.
 */
export class EventProducer {
  private readonly producer: Producer;
  private connected = false;

  constructor(
    kafka: Kafka,
    private readonly options: ProducerOptions,
  ) {
    // Idempotent (acks=all, one in-flight request): broker-side dedup of our own retries.
    // Delivery stays at-least-once end to end; the outbox and idempotent sinks carry exactly-once.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }

  encode<T extends TopicName>(topic: T, payload: EventPayload<T>, key: string): EncodedEvent {
    return encodeEvent(topic, payload, { key, source: this.options.source });
  }

  async publish<T extends TopicName>(
    topic: T,
    payload: EventPayload<T>,
    key: string,
  ): Promise<void> {
    await this.sendEncoded(topic, [this.encode(topic, payload, key)]);
  }

  /** Sends already-encoded events (from the outbox) in one request; resolves once acknowledged. */
  async sendEncoded(topic: TopicName, events: EncodedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.sendRaw(qualifiedTopic(this.options.topicPrefix, topic), events);
    publishedCounter.inc({ topic }, events.length);
  }

  /** For dead letters and replays: the topic name is taken as given. */
  async sendRaw(
    qualified: string,
    messages: {
      key: string | Buffer | null;
      value: string | Buffer | null;
      headers: Record<string, string | Buffer>;
    }[],
  ): Promise<void> {
    await this.producer.send({ topic: qualified, acks: -1, messages });
  }
}
