/**
 * Every Kafka topic of the system, named `news.<entity>.<event>.v<major>`.
 * The key of article events is the article id; of feed events, the feed id.
 */
export const TOPICS = {
  articleIngested: 'news.articles.ingested.v1',
  articleClassified: 'news.articles.classified.v1',
  articleIndexed: 'news.articles.indexed.v1',
  feedFetched: 'news.feeds.fetched.v1',
  feedRemoved: 'news.feeds.removed.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly TopicName[] = Object.values(TOPICS);

export const DEAD_LETTER_SUFFIX = '.dlq';

export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

/**
 * A deployment may namespace every topic (tests use this to run isolated pipelines on one
 * broker); the contract names above never change.
 */
export function qualifiedTopic(prefix: string, topic: string): string {
  return `${prefix}${topic}`;
}
