import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TOPICS, deadLetterTopicOf, qualifiedTopic } from '#contracts';
import { sampleClassified } from '#contracts/testing';
import { EventProducer } from '#messaging';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

interface Letter {
  id: string;
  reason: string;
  error: string;
  originalTopic: string;
  consumerGroup: string;
  value: string | null;
  headers: Record<string, string>;
  replayedAt: string | null;
}

describe('ops: dead letters are collected, listed and replayed; the dashboard answers', () => {
  const stack = new Stack({ services: ['api', 'indexer'] });
  let producer: EventProducer;

  before(async () => {
    await stack.start();
    producer = new EventProducer(stack.kafka, { topicPrefix: stack.topicPrefix, source: '/test' });
    await producer.connect();
  });

  after(async () => {
    await producer.disconnect();
    await stack.stop();
  });

  async function letters(): Promise<Letter[]> {
    const response = await fetch(`${stack.url('api')}/ops/dead-letters?limit=50`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: Letter[] }).items;
  }

  it('lists a poison message with its reason, then replays it onto its topic', async () => {
    const topic = qualifiedTopic(stack.topicPrefix, TOPICS.articleClassified);
    const poison = JSON.stringify({ ...sampleClassified(), simhash: 'not-hex' });
    await producer.sendRaw(topic, [
      {
        key: 'poison-1',
        value: poison,
        headers: {
          ce_id: 'poison-1',
          ce_type: TOPICS.articleClassified,
          ce_source: '/test',
          ce_time: new Date().toISOString(),
          ce_specversion: '1.0',
        },
      },
    ]);
    const [letter] = await waitFor(
      'the dead letter in the api',
      async () => {
        const items = await letters();
        return items.length > 0 ? items : undefined;
      },
      30_000,
      250,
    );
    assert.equal(letter.reason, 'contract_violation');
    assert.match(letter.error, /simhash/);
    assert.equal(letter.originalTopic, topic);
    assert.equal(letter.consumerGroup, `indexer-${stack.id}`);
    assert.equal(letter.value, poison);

    const replay = await fetch(`${stack.url('api')}/ops/dead-letters/${letter.id}/replay`, {
      method: 'POST',
    });
    assert.equal(replay.status, 200);
    assert.ok(((await replay.json()) as Letter).replayedAt);

    // Still poison: the indexer dead-letters the replayed copy again, which proves it went back.
    const again = await waitFor(
      'the replayed copy to be dead-lettered again',
      async () => {
        const items = await letters();
        return items.length >= 2 ? items : undefined;
      },
      30_000,
      250,
    );
    const copy = again.find((item) => item.id !== letter.id)!;
    assert.equal(
      copy.headers.replayed_from,
      `${qualifiedTopic(stack.topicPrefix, deadLetterTopicOf(TOPICS.articleClassified))}#${letter.id}`,
    );
    assert.equal(copy.value, poison);
  });

  it('refuses bad ops input with a 400', async () => {
    const badId = await fetch(`${stack.url('api')}/ops/dead-letters/abc/replay`, {
      method: 'POST',
    });
    assert.equal(badId.status, 400);
    const badTopic = await fetch(`${stack.url('api')}/ops/dead-letters/replay?topic=nope`, {
      method: 'POST',
    });
    assert.equal(badTopic.status, 400);
    const missing = await fetch(`${stack.url('api')}/ops/dead-letters/999999/replay`, {
      method: 'POST',
    });
    assert.equal(missing.status, 404);
  });

  it('summarises feeds, pipeline, lag and dead letters, and serves the dashboard', async () => {
    const summary = (await (await fetch(`${stack.url('api')}/ops/summary`)).json()) as {
      deadLetters: { total: number; pending: number };
      consumerLag: { group: string; topic: string; lag: number }[];
      pipeline: { outboxBacklog: number };
    };
    assert.equal(summary.deadLetters.total, 2);
    assert.equal(summary.deadLetters.pending, 1);
    const indexerLag = summary.consumerLag.find((entry) => entry.group === `indexer-${stack.id}`);
    assert.ok(indexerLag, JSON.stringify(summary.consumerLag));
    assert.equal(indexerLag.lag, 0);
    const page = await fetch(`${stack.url('api')}/ops`);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /newsfeed · ops/);
  });
});
