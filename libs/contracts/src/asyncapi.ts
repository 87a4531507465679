import { z } from 'zod';
import { EVENT_SCHEMAS } from './registry.js';
import { ALL_TOPICS, deadLetterTopicOf, type TopicName } from './topics.js';

const DESCRIPTIONS: Record<TopicName, string> = {
  'news.articles.ingested.v1':
    'A new article or a new version of one, stored by the ingestor (key: article id).',
  'news.articles.classified.v1':
    'The ingested article with language, IPTC topics, places, entities and story (key: article id).',
  'news.articles.indexed.v1': 'The article version is searchable (key: article id).',
  'news.feeds.fetched.v1': 'Telemetry of one poll of one feed (key: feed id).',
  'news.feeds.removed.v1':
    'A feed was unsubscribed; its articles, enrichments and search documents are gone (key: feed id).',
};

const PRODUCERS: Record<TopicName, string> = {
  'news.articles.ingested.v1': 'ingestor',
  'news.articles.classified.v1': 'classifier',
  'news.articles.indexed.v1': 'indexer',
  'news.feeds.fetched.v1': 'ingestor',
  'news.feeds.removed.v1': 'api (through the outbox the ingestor relays)',
};

/** CloudEvents 1.0 Kafka binary binding: the attributes every message carries as headers. */
const cloudEventHeaders = {
  type: 'object',
  required: ['ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_specversion'],
  properties: {
    ce_id: { type: 'string', description: 'Unique event id (UUID)' },
    ce_type: {
      type: 'string',
      description: 'Equals the topic name, e.g. news.articles.ingested.v1',
    },
    ce_source: { type: 'string', description: 'Producing service, e.g. /newsfeed/ingestor' },
    ce_time: { type: 'string', format: 'date-time' },
    ce_specversion: { type: 'string', const: '1.0' },
    ce_subject: { type: 'string' },
    'content-type': { type: 'string', const: 'application/json' },
  },
};

const deadLetterHeaders = {
  type: 'object',
  required: ['dlq_reason', 'dlq_error', 'dlq_consumer_group', 'dlq_original_topic'],
  properties: {
    dlq_reason: { type: 'string', enum: ['contract_violation', 'handler_failed'] },
    dlq_error: { type: 'string' },
    dlq_consumer_group: { type: 'string' },
    dlq_original_topic: { type: 'string' },
    dlq_original_partition: { type: 'string' },
    dlq_original_offset: { type: 'string' },
    dlq_attempts: { type: 'string' },
    dlq_failed_at: { type: 'string', format: 'date-time' },
  },
};

function channelId(topic: string): string {
  return topic.replace(/\./g, '_');
}

/** JSON Schema of a topic's payload, derived from the very validator producers and consumers run. */
export function payloadJsonSchema(topic: TopicName): Record<string, unknown> {
  const schema = z.toJSONSchema(EVENT_SCHEMAS[topic], { target: 'draft-7', io: 'input' }) as Record<
    string,
    unknown
  >;
  delete schema.$schema;
  return schema;
}

/** The AsyncAPI 3.0 document of every topic, generated so it cannot drift from the code. */
export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of ALL_TOPICS) {
    const id = channelId(topic);
    messages[id] = {
      name: topic,
      title: topic,
      summary: DESCRIPTIONS[topic],
      contentType: 'application/json',
      headers: cloudEventHeaders,
      payload: payloadJsonSchema(topic),
    };
    messages[`${id}_dlq`] = {
      name: deadLetterTopicOf(topic),
      summary: `A ${topic} message that failed validation or kept failing; body as received.`,
      headers: { allOf: [cloudEventHeaders, deadLetterHeaders] },
    };
    channels[id] = {
      address: topic,
      description: DESCRIPTIONS[topic],
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    channels[`${id}_dlq`] = {
      address: deadLetterTopicOf(topic),
      description: `Dead letters of ${topic}; inspect and replay from the api.`,
      messages: { [`${id}_dlq`]: { $ref: `#/components/messages/${id}_dlq` } },
    };
    operations[`publish_${id}`] = {
      action: 'send',
      summary: `Published by the ${PRODUCERS[topic]}`,
      channel: { $ref: `#/channels/${id}` },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'newsfeed events',
      version,
      description:
        'Kafka topics of the newsfeed pipeline. Every message is a CloudEvents 1.0 event in the ' +
        'Kafka binary binding (ce_* headers, JSON body); the key is the article id (feed id for ' +
        'feed events). Delivery is at-least-once: consumers must be idempotent by id and version.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'npm start / npm test broker',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
