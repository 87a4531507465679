import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { repoRoot } from '#config';
import { buildAsyncApiDocument } from './asyncapi.js';
import { EVENT_SCHEMAS } from './registry.js';
import { ALL_TOPICS, deadLetterTopicOf, type TopicName } from './topics.js';
import {
  sampleClassified,
  sampleFetched,
  sampleIndexed,
  sampleIngested,
  sampleRemoved,
} from './testing/samples.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const root = repoRoot();
const committed = parse(fs.readFileSync(path.join(root, 'docs/asyncapi.yaml'), 'utf8'));
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

const samples: Record<TopicName, () => Record<string, unknown>> = {
  'news.articles.ingested.v1': sampleIngested,
  'news.articles.classified.v1': sampleClassified,
  'news.articles.indexed.v1': sampleIndexed,
  'news.feeds.fetched.v1': sampleFetched,
  'news.feeds.removed.v1': sampleRemoved,
};

/** Payloads that each break the contract in a different way. */
function brokenVariants(valid: Record<string, unknown>): Record<string, unknown>[] {
  const keys = Object.keys(valid);
  return [
    Object.fromEntries(keys.slice(1).map((key) => [key, valid[key]])),
    { ...valid, [keys[0]]: 42 },
    { ...valid, version: -1 },
    { ...valid, fetchedAt: 'yesterday' },
    { ...valid, articleId: 'not-a-uuid', feedId: 'not-a-uuid' },
  ];
}

function channelOf(topic: string) {
  const channels = committed.channels as Record<
    string,
    { address: string; messages: Record<string, { $ref: string }> }
  >;
  return Object.values(channels).find((channel) => channel.address === topic);
}

function messageOf(topic: string) {
  const ref = Object.values(channelOf(topic)!.messages)[0].$ref.replace(
    '#/components/messages/',
    '',
  );
  return committed.components.messages[ref];
}

describe('published AsyncAPI contract (docs/asyncapi.yaml)', () => {
  it('is AsyncAPI 3.0 and identical to what the validators generate (run npm run asyncapi)', () => {
    assert.equal(committed.asyncapi, '3.0.0');
    assert.deepEqual(committed, buildAsyncApiDocument(version));
  });

  it('has a channel for every topic and its dead-letter topic, and nothing else', () => {
    const addresses = Object.values(committed.channels as Record<string, { address: string }>).map(
      (channel) => channel.address,
    );
    const expected = ALL_TOPICS.flatMap((topic) => [topic, deadLetterTopicOf(topic)]);
    assert.deepEqual([...addresses].sort(), [...expected].sort());
  });

  it('requires the CloudEvents headers on every message', () => {
    for (const topic of ALL_TOPICS) {
      assert.deepEqual(messageOf(topic).headers.required, [
        'ce_id',
        'ce_type',
        'ce_source',
        'ce_time',
        'ce_specversion',
      ]);
    }
  });

  for (const topic of ALL_TOPICS) {
    it(`agrees with the runtime validator of ${topic}`, () => {
      const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
      const validate = ajv.compile(messageOf(topic).payload);
      const valid = samples[topic]();
      assert.equal(EVENT_SCHEMAS[topic].safeParse(valid).success, true);
      assert.equal(validate(valid), true, JSON.stringify(validate.errors));
      for (const broken of brokenVariants(valid)) {
        const zodAccepts = EVENT_SCHEMAS[topic].safeParse(broken).success;
        assert.equal(
          validate(broken),
          zodAccepts,
          `disagree on ${JSON.stringify(broken).slice(0, 200)}`,
        );
      }
    });
  }
});
