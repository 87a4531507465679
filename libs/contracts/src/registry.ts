import type { z } from 'zod';
import { TOPICS, type TopicName } from './topics.js';
import { articleIngestedV1 } from './events/article-ingested.js';
import { articleClassifiedV1 } from './events/article-classified.js';
import { articleIndexedV1 } from './events/article-indexed.js';
import { feedFetchedV1 } from './events/feed-fetched.js';
import { feedRemovedV1 } from './events/feed-removed.js';

/** One place binding each topic to its payload schema and CloudEvents type. */
export const EVENT_SCHEMAS = {
  [TOPICS.articleIngested]: articleIngestedV1,
  [TOPICS.articleClassified]: articleClassifiedV1,
  [TOPICS.articleIndexed]: articleIndexedV1,
  [TOPICS.feedFetched]: feedFetchedV1,
  [TOPICS.feedRemoved]: feedRemovedV1,
} as const satisfies Record<TopicName, z.ZodType>;

export type EventPayload<T extends TopicName> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

/** The CloudEvents `type` of a topic's events is the topic name itself: one name, one meaning. */
export function cloudEventTypeOf(topic: TopicName): string {
  return topic;
}
