import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { CommonEnv } from '#config';
import { ALL_TOPICS, qualifiedTopic } from '#contracts';
import { ENV, KAFKA } from '#platform';
import { consumerLag, type GroupLag } from './consumer-lag.js';

export interface OpsSummary {
  generatedAt: string;
  feeds: Record<string, number>;
  failingFeeds: { id: string; url: string; lastError: string | null; errorCount: number }[];
  articles: { total: number; lastHour: number; perMinute: { minute: string; count: number }[] };
  pipeline: { outboxBacklog: number; indexed: number; classified: number };
  consumerLag: GroupLag[] | { error: string };
  deadLetters: { pending: number; total: number; byTopic: Record<string, number> };
}

/** Everything the ops dashboard shows, from the database and the broker's offsets. */
@Injectable()
export class OpsSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(ENV) private readonly env: CommonEnv,
  ) {}

  async summary(): Promise<OpsSummary> {
    const [feeds, failing, articles, perMinute, pipeline, letters, lag] = await Promise.all([
      this.rows(`SELECT status, count(*)::int AS n FROM feeds GROUP BY status`),
      this.rows(
        `SELECT id, url, last_error, error_count FROM feeds
          WHERE last_error IS NOT NULL AND last_success_at IS DISTINCT FROM last_fetched_at
          ORDER BY error_count DESC LIMIT 10`,
      ),
      this.rows(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE created_at > now() - interval '1 hour')::int AS last_hour
           FROM articles`,
      ),
      this.rows(
        `SELECT date_trunc('minute', created_at) AS minute, count(*)::int AS n FROM articles
          WHERE created_at > now() - interval '60 minutes' GROUP BY 1 ORDER BY 1`,
      ),
      this.rows(
        `SELECT (SELECT count(*) FROM outbox)::int AS outbox,
                (SELECT count(*) FROM search_documents)::int AS indexed,
                (SELECT count(*) FROM article_enrichments)::int AS classified`,
      ),
      this.rows(
        `SELECT original_topic, count(*)::int AS total,
                count(*) FILTER (WHERE replayed_at IS NULL)::int AS pending
           FROM dead_letters GROUP BY original_topic`,
      ),
      this.lag(),
    ]);
    return {
      generatedAt: new Date().toISOString(),
      feeds: Object.fromEntries(feeds.map((row) => [String(row.status), Number(row.n)])),
      failingFeeds: failing.map((row) => ({
        id: String(row.id),
        url: String(row.url),
        lastError: (row.last_error as string | null) ?? null,
        errorCount: Number(row.error_count),
      })),
      articles: {
        total: Number(articles[0].total),
        lastHour: Number(articles[0].last_hour),
        perMinute: perMinute.map((row) => ({
          minute: new Date(row.minute as string).toISOString(),
          count: Number(row.n),
        })),
      },
      pipeline: {
        outboxBacklog: Number(pipeline[0].outbox),
        indexed: Number(pipeline[0].indexed),
        classified: Number(pipeline[0].classified),
      },
      consumerLag: lag,
      deadLetters: {
        pending: letters.reduce((sum, row) => sum + Number(row.pending), 0),
        total: letters.reduce((sum, row) => sum + Number(row.total), 0),
        byTopic: Object.fromEntries(
          letters.map((row) => [String(row.original_topic), Number(row.pending)]),
        ),
      },
    };
  }

  private rows(sql: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(sql);
  }

  private async lag(): Promise<GroupLag[] | { error: string }> {
    try {
      const topics = ALL_TOPICS.map((topic) => qualifiedTopic(this.env.KAFKA_TOPIC_PREFIX, topic));
      return await consumerLag(this.kafka, topics);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
}
