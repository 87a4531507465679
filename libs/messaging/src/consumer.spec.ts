import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '#contracts';
import { JsonLogger } from '#observability';
import { EventConsumer, type EventHandler } from './consumer.js';
import { deadLetter } from './dead-letter.js';
import type { EventProducer } from './producer.js';

type Listener = (event: { payload: { error: Error; restart: boolean } }) => void;

/** Just enough of kafkajs to capture the CRASH listener the consumer registers. */
function fakeKafka() {
  const listeners = new Map<string, Listener>();
  const kafka = {
    consumer: () => ({
      events: { CRASH: 'consumer.crash' },
      on: (event: string, listener: Listener) => listeners.set(event, listener),
    }),
  } as unknown as Kafka;
  return {
    kafka,
    crash: (restart: boolean) =>
      listeners.get('consumer.crash')!({ payload: { error: new Error('boom'), restart } }),
  };
}

const handler: EventHandler<typeof TOPICS.articleIngested> = {
  topic: TOPICS.articleIngested,
  groupId: 'g',
  handleBatch: async () => undefined,
};

describe('EventConsumer on a kafkajs CRASH', () => {
  const logger = new JsonLogger('test', 'error', {}, () => undefined);

  it('hands the error to onCrash (the default exits) when kafkajs will not restart', () => {
    const { kafka, crash } = fakeKafka();
    const crashes: Error[] = [];
    new EventConsumer(
      kafka,
      {} as EventProducer,
      handler,
      { topicPrefix: '', onCrash: (e) => crashes.push(e) },
      logger,
    );
    crash(false);
    assert.deepEqual(
      crashes.map((e) => e.message),
      ['boom'],
    );
  });

  it('ignores a crash kafkajs recovers from itself', () => {
    const { kafka, crash } = fakeKafka();
    const crashes: Error[] = [];
    new EventConsumer(
      kafka,
      {} as EventProducer,
      handler,
      { topicPrefix: '', onCrash: (e) => crashes.push(e) },
      logger,
    );
    crash(true);
    assert.equal(crashes.length, 0);
  });
});

describe('deadLetter', () => {
  it('keeps key, body and headers and adds where and why it failed', () => {
    const letter = deadLetter({
      topic: TOPICS.articleIndexed,
      topicPrefix: 'p.',
      group: 'indexer',
      partition: 2,
      message: {
        key: Buffer.from('k'),
        value: Buffer.from('{}'),
        offset: '41',
        timestamp: '0',
        attributes: 0,
        headers: { ce_id: Buffer.from('id-1'), multi: [Buffer.from('a'), Buffer.from('b')] },
      },
      reason: 'handler_failed',
      error: new Error('x'.repeat(5000)),
      attempts: 5,
    });
    assert.equal(letter.topic, 'p.news.articles.indexed.v1.dlq');
    assert.equal(letter.message.key?.toString(), 'k');
    assert.equal(letter.message.value?.toString(), '{}');
    const headers = letter.message.headers;
    assert.equal(headers.ce_id.toString(), 'id-1');
    assert.equal(headers.multi.toString(), 'b');
    assert.equal(headers.dlq_original_topic, 'p.news.articles.indexed.v1');
    assert.equal(headers.dlq_original_offset, '41');
    assert.equal(headers.dlq_original_partition, '2');
    assert.equal(headers.dlq_attempts, '5');
    assert.equal(String(headers.dlq_error).length, 2000, 'error text is bounded');
  });
});
