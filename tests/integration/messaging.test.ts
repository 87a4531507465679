import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { TOPICS, deadLetterTopicOf, qualifiedTopic } from '#contracts';
import { sampleIngested } from '#contracts/testing';
import {
  allTopicNames,
  createKafka,
  ensureTopics,
  EventConsumer,
  EventProducer,
  type ConsumedEvent,
  type EventHandler,
} from '#messaging';
import { JsonLogger } from '#observability';
import { waitFor } from '../support/wait.js';

type Ingested = typeof TOPICS.articleIngested;

const logger = new JsonLogger('messaging-test', 'error');
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

class RecordingHandler implements EventHandler<Ingested> {
  readonly topic = TOPICS.articleIngested;
  readonly seen: string[] = [];
  attempts = new Map<string, number>();
  healthy = true;

  constructor(
    readonly groupId: string,
    private readonly failFor: (title: string, attempt: number) => boolean = () => false,
  ) {}

  async handleBatch(events: ConsumedEvent<Ingested>[]): Promise<void> {
    for (const event of events) {
      const attempt = (this.attempts.get(event.payload.title) ?? 0) + 1;
      this.attempts.set(event.payload.title, attempt);
      if (!this.healthy || this.failFor(event.payload.title, attempt)) {
        throw new Error(`cannot handle ${event.payload.title}`);
      }
    }
    this.seen.push(...events.map((event) => event.payload.title));
  }

  async dependenciesHealthy(): Promise<boolean> {
    return this.healthy;
  }
}

/** A fan-out group of this process alone that only wants what is published from now on. */
class LatestHandler extends RecordingHandler {
  readonly startFrom = 'latest';
  readonly groupPerProcess = true;
}

async function readAll(kafka: Kafka, topic: string, count: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  try {
    await waitFor(
      `${count} messages on ${topic}`,
      async () => (messages.length >= count ? true : undefined),
      20_000,
    );
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

describe('consumer base against a real broker', () => {
  const prefix = `m${randomBytes(4).toString('hex')}.`;
  const kafka = createKafka({ brokers, clientId: 'messaging-test', logger });
  const producer = new EventProducer(kafka, { topicPrefix: prefix, source: '/newsfeed/test' });
  const topic = qualifiedTopic(prefix, TOPICS.articleIngested);
  const consumers: EventConsumer<Ingested>[] = [];

  function consumer(handler: RecordingHandler) {
    const instance = new EventConsumer(
      kafka,
      producer,
      handler,
      {
        topicPrefix: prefix,
        maxAttempts: 3,
        retryBackoffMs: 20,
        maxRetryBackoffMs: 100,
        onCrash: (error) => assert.fail(`consumer crashed: ${error.message}`),
      },
      logger,
    );
    consumers.push(instance);
    return instance;
  }

  async function publish(...titles: string[]) {
    for (const title of titles) {
      const payload = sampleIngested({ articleId: randomUUID(), title });
      await producer.publish(TOPICS.articleIngested, payload, payload.articleId);
    }
  }

  before(async () => {
    await ensureTopics(kafka, { prefix, partitions: 1 });
    await producer.connect();
  });

  after(async () => {
    await Promise.all(consumers.map((instance) => instance.stop()));
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: allTopicNames(prefix) }).catch(() => undefined);
    await admin.disconnect();
  });

  it('isolates a poison message in the DLQ and keeps the partition flowing', async () => {
    await publish('first');
    await producer.sendRaw(topic, [
      {
        key: 'poison',
        value: '{"not":"an article"}',
        headers: {
          ce_id: 'x1',
          ce_type: TOPICS.articleIngested,
          ce_source: '/evil',
          ce_time: new Date().toISOString(),
          ce_specversion: '1.0',
          trace: 'keep-me',
        },
      },
    ]);
    await publish('second', 'always-fails', 'third');
    const handler = new RecordingHandler('group-a', (title) => title === 'always-fails');
    await consumer(handler).start();

    await waitFor(
      'the valid events',
      async () => (handler.seen.includes('third') ? true : undefined),
      30_000,
    );
    assert.deepEqual(handler.seen, ['first', 'second', 'third']);
    // One try inside the whole batch at most, then three on its own: bounded, and the DLQ says 3.
    const tries = handler.attempts.get('always-fails') ?? 0;
    assert.ok(tries >= 3 && tries <= 4, `bounded retries before dead-lettering (${tries})`);

    const letters = await readAll(
      kafka,
      qualifiedTopic(prefix, deadLetterTopicOf(TOPICS.articleIngested)),
      2,
    );
    const reasons = letters.map((letter) => letter.headers!.dlq_reason!.toString()).sort();
    assert.deepEqual(reasons, ['contract_violation', 'handler_failed']);
    const poison = letters.find((letter) => letter.key?.toString() === 'poison')!;
    assert.equal(poison.value!.toString(), '{"not":"an article"}', 'body kept as received');
    assert.equal(poison.headers!.trace!.toString(), 'keep-me', 'original headers kept');
    assert.equal(poison.headers!.dlq_consumer_group!.toString(), 'group-a');
    assert.match(poison.headers!.dlq_error!.toString(), /articleId/);
    const failed = letters.find(
      (letter) => letter.headers!.dlq_reason!.toString() === 'handler_failed',
    )!;
    assert.match(failed.headers!.dlq_error!.toString(), /cannot handle always-fails/);
    assert.equal(failed.headers!.dlq_attempts!.toString(), '3');
  });

  it('commits offset+1 after the effect: a restarted group does not see handled events again', async () => {
    await consumers[0].stop();
    const again = new RecordingHandler('group-a');
    await consumer(again).start();
    await publish('fourth');
    await waitFor(
      'the new event',
      async () => (again.seen.includes('fourth') ? true : undefined),
      30_000,
    );
    assert.deepEqual(again.seen, ['fourth']);
  });

  it("starts a new 'latest' group at the topic's end: none of the earlier events", async () => {
    const fresh = new LatestHandler(`group-latest-${randomUUID()}`);
    await consumer(fresh).start();
    // Joining the group takes a moment: publish until the consumer sees one.
    for (let n = 0; fresh.seen.length === 0 && n < 60; n++) {
      await publish(`after-start-${n}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(fresh.seen.length > 0, 'the new group consumed what came after it started');
    assert.ok(
      fresh.seen.every((title) => title.startsWith('after-start-')),
      `only events after the start, got ${fresh.seen.join(', ')}`,
    );
  });

  it('deletes a per-process group when its consumer stops, and keeps a durable one', async () => {
    const perProcess = new LatestHandler(`group-process-${randomUUID()}`);
    const durable = new RecordingHandler(`group-durable-${randomUUID()}`);
    const started = [consumer(perProcess), consumer(durable)];
    for (const c of started) await c.start();
    // Joining takes a moment, and the per-process group starts at the end: publish until it sees one.
    for (let n = 0; perProcess.seen.length === 0 && n < 60; n++) {
      await publish(`for-both-${n}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(perProcess.seen.length > 0, 'the per-process group consumed');
    await waitFor('the durable group to consume', async () =>
      durable.seen.length > 0 ? true : undefined,
    );
    for (const c of started) await c.stop();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
      assert.ok(!groups.includes(perProcess.groupId), 'the per-process group is gone');
      assert.ok(groups.includes(durable.groupId), 'the durable group keeps its offsets');
    } finally {
      await admin.disconnect();
    }
  });

  it('retries a transient failure without dead-lettering it', async () => {
    const handler = new RecordingHandler(
      'group-b',
      (title, attempt) => title === 'flaky' && attempt <= 2,
    );
    await consumer(handler).start();
    await publish('flaky');
    await waitFor(
      'the flaky event',
      async () => (handler.seen.includes('flaky') ? true : undefined),
      30_000,
    );
    assert.equal(handler.attempts.get('flaky'), 3);
  });

  it('waits for a dependency that is down instead of dead-lettering', async () => {
    const handler = new RecordingHandler('group-c');
    handler.healthy = false;
    await consumer(handler).start();
    await publish('during-outage');
    await waitFor(
      'several failed attempts',
      // A new group starts from the beginning: it is stuck on the first event during the outage.
      async () =>
        [...handler.attempts.values()].reduce((a, b) => a + b, 0) >= 8 ? true : undefined,
      30_000,
      50,
    );
    assert.equal(handler.seen.includes('during-outage'), false);
    handler.healthy = true;
    await waitFor(
      'recovery',
      async () => (handler.seen.includes('during-outage') ? true : undefined),
      30_000,
    );
    // Replaying from the beginning, group-c dead-letters only the poison message, nothing for the outage.
    const letters = await readAll(
      kafka,
      qualifiedTopic(prefix, deadLetterTopicOf(TOPICS.articleIngested)),
      3,
    );
    const ofGroupC = letters.filter(
      (letter) => letter.headers!.dlq_consumer_group!.toString() === 'group-c',
    );
    assert.deepEqual(
      ofGroupC.map((letter) => letter.headers!.dlq_reason!.toString()),
      ['contract_violation'],
    );
  });
});
