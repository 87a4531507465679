import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import {
  ContractViolationError,
  decodeEvent,
  headersToStrings,
  qualifiedTopic,
  type CloudEventAttributes,
  type EventPayload,
  type TopicName,
} from '#contracts';
import type { JsonLogger } from '#observability';
import { deadLetter, type DeadLetterReason } from './dead-letter.js';
import type { EventProducer } from './producer.js';
import {
  consumedCounter,
  deadLetteredCounter,
  failedAttemptsCounter,
  handlerDuration,
} from './metrics.js';

export interface ConsumedEvent<T extends TopicName> {
  payload: EventPayload<T>;
  attributes: CloudEventAttributes;
  key: string | null;
  partition: number;
  offset: string;
}

/** What a service plugs into the consumer base: one topic, one group, one idempotent effect. */
export interface EventHandler<T extends TopicName> {
  readonly topic: T;
  readonly groupId: string;
  /** Makes the effect of these events durable; must be idempotent (events may come again). */
  handleBatch(events: ConsumedEvent<T>[]): Promise<void>;
  /**
   * False while a dependency (e.g. the database) is down: failures then wait for it instead of
   * counting towards dead-lettering, so an outage never empties a topic into its DLQ.
   */
  dependenciesHealthy?(): Promise<boolean>;
  /**
   * Where a group with no committed offset starts: 'earliest' (default; a durable consumer must
   * not skip what was published before it first ran) or 'latest' (a per-process fan-out group
   * that only wants what happens from now on, instead of re-reading the whole topic).
   */
  readonly startFrom?: 'earliest' | 'latest';
  /**
   * True for a group of this process alone (a fan-out per instance, named after its pid): the
   * group is deleted when the consumer stops, so restarts leave no dead groups in the broker.
   */
  readonly groupPerProcess?: boolean;
}

/**
 * The group id of a fan-out consumer of this process alone (see EventHandler.groupPerProcess):
 * unique per host, pid and start, so every instance sees every event.
 */
export function perProcessGroupId(topicPrefix: string, purpose: string): string {
  return `${topicPrefix}${purpose}-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

export interface ConsumerOptions {
  topicPrefix: string;
  maxAttempts?: number;
  retryBackoffMs?: number;
  maxRetryBackoffMs?: number;
  partitionsConsumedConcurrently?: number;
  /** Events whose effect is applied (and committed) together. */
  maxChunkSize?: number;
  /** Called when kafkajs gives up (CRASH); the default exits so the supervisor restarts us. */
  onCrash?: (error: Error) => void;
}

type Resolved = Required<Omit<ConsumerOptions, 'onCrash'>> & Pick<ConsumerOptions, 'onCrash'>;

const HEARTBEAT_EVERY_MS = 3000;
const GROUP_DELETE_TIMEOUT_MS = 3000;

/**
 * The one place that owns the consumption rules: decode and validate at the edge, retry a
 * failing event a bounded number of times with backoff (heartbeating meanwhile), dead-letter
 * what cannot be processed, and commit offset+1 only after the effect is durable.
 */
export class EventConsumer<T extends TopicName> {
  private readonly consumer: Consumer;
  private readonly options: Resolved;
  private readonly log: JsonLogger;
  private running = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: EventProducer,
    private readonly handler: EventHandler<T>,
    options: ConsumerOptions,
    logger: JsonLogger,
  ) {
    this.options = {
      maxAttempts: 5,
      retryBackoffMs: 200,
      maxRetryBackoffMs: 5000,
      // A handler mostly waits on round trips: when the classifier made two per article, its
      // tail at 100 articles/s was p99 0.6–1.2 s with 4 partitions at once, 0.4–0.7 s with 8.
      // Services' database pools (10) stay larger than this, as a batch may hold a transaction.
      partitionsConsumedConcurrently: 8,
      maxChunkSize: 250,
      ...options,
    };
    this.log = logger.child({
      component: 'consumer',
      topic: handler.topic,
      group: handler.groupId,
    });
    this.consumer = kafka.consumer({
      groupId: handler.groupId,
      // kafkajs would restart itself in-process; we prefer a clean exit the supervisor sees.
      retry: { retries: 5, restartOnFailure: async () => false },
      // A fetch long-polls at most this long: it bounds both idle latency and shutdown time.
      maxWaitTimeInMs: 500,
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      this.log.error('consumer crashed', payload.error);
      const onCrash = this.options.onCrash ?? (() => process.exit(1));
      onCrash(payload.error);
    });
  }

  get topicName(): string {
    return qualifiedTopic(this.options.topicPrefix, this.handler.topic);
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topic: this.topicName,
      fromBeginning: this.handler.startFrom !== 'latest',
    });
    this.running = true;
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.processBatch(payload),
    });
    this.log.info('consuming');
  }

  /** Stops fetching, lets the in-flight batch finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.disconnect();
    if (this.handler.groupPerProcess) await this.deleteGroup();
    this.log.info('stopped');
  }

  /**
   * Best effort, and never long (a broker that is down must not hold up the shutdown): a group
   * that outlives its process only costs the broker a little memory.
   */
  private async deleteGroup(): Promise<void> {
    const admin = this.kafka.admin();
    const timer = new AbortController();
    try {
      const deleted = (async () => {
        await admin.connect();
        await admin.deleteGroups([this.handler.groupId]);
      })();
      await Promise.race([
        deleted,
        sleep(GROUP_DELETE_TIMEOUT_MS, undefined, { signal: timer.signal }).then(() => {
          throw new Error(`no answer within ${GROUP_DELETE_TIMEOUT_MS} ms`);
        }),
      ]);
    } catch (error) {
      this.log.warn('could not delete this process’s consumer group', { error: String(error) });
    } finally {
      timer.abort();
      await admin.disconnect().catch(() => undefined);
    }
  }

  /**
   * A fetched batch is handled in chunks: each chunk's effect is made durable, then its last
   * offset+1 is committed, so a rebalance mid-batch loses nothing and redoes little.
   */
  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
    for (let start = 0; start < batch.messages.length; start += this.options.maxChunkSize) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + this.options.maxChunkSize);
      await this.processChunk(batch.partition, chunk, heartbeat);
      const last = chunk[chunk.length - 1];
      resolveOffset(last.offset);
      await this.consumer.commitOffsets([
        {
          topic: batch.topic,
          partition: batch.partition,
          offset: (BigInt(last.offset) + 1n).toString(),
        },
      ]);
      await heartbeat();
    }
  }

  private async processChunk(
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const labels = { topic: this.handler.topic, group: this.handler.groupId };
    const stopTimer = handlerDuration.startTimer(labels);
    const events: ConsumedEvent<T>[] = [];
    for (const message of messages) {
      const decoded = this.decode(message, partition);
      if (decoded instanceof ContractViolationError) {
        await this.sendToDeadLetter(message, partition, 'contract_violation', decoded, 0);
      } else {
        events.push(decoded);
      }
    }
    // kafkajs only heartbeats when asked: keep the group membership alive during slow effects.
    const keepAlive = setInterval(
      () => void heartbeat().catch(() => undefined),
      HEARTBEAT_EVERY_MS,
    );
    try {
      await this.applyEffect(events, partition, heartbeat, messages);
    } finally {
      clearInterval(keepAlive);
    }
    consumedCounter.inc(labels, messages.length);
    stopTimer();
  }

  private decode(
    message: KafkaMessage,
    partition: number,
  ): ConsumedEvent<T> | ContractViolationError {
    try {
      const { attributes, payload } = decodeEvent(
        this.handler.topic,
        message.value,
        headersToStrings(message.headers),
      );
      return {
        attributes,
        payload,
        key: message.key?.toString() ?? null,
        partition,
        offset: message.offset,
      };
    } catch (error) {
      if (error instanceof ContractViolationError) return error;
      return new ContractViolationError(this.handler.topic, [String(error)]);
    }
  }

  /** The whole batch at once when it works; one by one to isolate a poison message when not. */
  private async applyEffect(
    events: ConsumedEvent<T>[],
    partition: number,
    heartbeat: () => Promise<void>,
    messages: KafkaMessage[],
  ): Promise<void> {
    if (events.length === 0) return;
    if (events.length > 1) {
      try {
        await this.handler.handleBatch(events);
        return;
      } catch (error) {
        this.countFailure();
        this.log.warn('batch failed, retrying event by event', { partition, error: String(error) });
      }
    }
    for (const event of events) {
      const message = messages.find((candidate) => candidate.offset === event.offset)!;
      await this.applyOne(event, message, heartbeat);
    }
  }

  private async applyOne(
    event: ConsumedEvent<T>,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    let attempts = 0;
    let lastError: unknown;
    while (attempts < this.options.maxAttempts) {
      try {
        await this.handler.handleBatch([event]);
        return;
      } catch (error) {
        lastError = error;
        this.countFailure();
        if (await this.dependencyDown()) {
          this.log.warn('dependency down, waiting before retry', { articleKey: event.key });
        } else {
          attempts += 1;
        }
        if (!this.running) throw error;
        await this.backoff(attempts, heartbeat);
      }
    }
    await this.sendToDeadLetter(message, event.partition, 'handler_failed', lastError, attempts);
  }

  private async dependencyDown(): Promise<boolean> {
    if (!this.handler.dependenciesHealthy) return false;
    return !(await this.handler.dependenciesHealthy().catch(() => false));
  }

  private async backoff(attempt: number, heartbeat: () => Promise<void>): Promise<void> {
    const delay = Math.min(
      this.options.maxRetryBackoffMs,
      this.options.retryBackoffMs * 2 ** Math.max(0, attempt - 1),
    );
    await sleep(delay);
    await heartbeat();
  }

  private countFailure(): void {
    failedAttemptsCounter.inc({ topic: this.handler.topic, group: this.handler.groupId });
  }

  private async sendToDeadLetter(
    message: KafkaMessage,
    partition: number,
    reason: DeadLetterReason,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const letter = deadLetter({
      topic: this.handler.topic,
      topicPrefix: this.options.topicPrefix,
      group: this.handler.groupId,
      partition,
      message,
      reason,
      error,
      attempts,
    });
    await this.producer.sendRaw(letter.topic, [letter.message]);
    deadLetteredCounter.inc({ topic: this.handler.topic, group: this.handler.groupId, reason });
    this.log.warn('event dead-lettered', {
      reason,
      offset: message.offset,
      partition,
      key: message.key?.toString(),
      error: String(letter.message.headers.dlq_error),
    });
  }
}
