import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TOPICS } from '#contracts';
import { sampleRemoved } from '#contracts/testing';
import type { ConsumedEvent } from '#messaging';
import { JsonLogger } from '#observability';
import { FeedRemovedHandler } from './feed-removed.handler.js';
import type { SearchService } from './search.service.js';

describe('FeedRemovedHandler', () => {
  it("drops this instance's cached search answers, in its own consumer group", async () => {
    let dropped = 0;
    const search = { feedRemoved: () => dropped++ } as unknown as SearchService;
    const lines: string[] = [];
    const logger = new JsonLogger('api', 'info', {}, (line) => lines.push(line));
    const one = new FeedRemovedHandler(search, { KAFKA_TOPIC_PREFIX: 't-' }, logger);
    const two = new FeedRemovedHandler(search, { KAFKA_TOPIC_PREFIX: 't-' }, logger);
    assert.equal(one.topic, TOPICS.feedRemoved);
    assert.notEqual(one.groupId, two.groupId, 'every instance sees every removal');
    assert.equal(one.startFrom, 'latest');
    const event = { payload: sampleRemoved() } as ConsumedEvent<typeof TOPICS.feedRemoved>;
    await one.handleBatch([event, event]);
    assert.equal(dropped, 1, 'once per batch');
    assert.match(lines.join('\n'), /6d0c1b5e-2f3a-4b8c-9d7e-1a2b3c4d5e6f/);
  });
});
