import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Counter, Histogram } from 'prom-client';
import { TOPICS, type FeedFetchedV1, type FetchOutcome } from '#contracts';
import { EventProducer } from '#messaging';
import type { JsonLogger } from '#observability';
import { LOGGER } from '#platform';
import { ArticleStore } from '../articles/article-store.js';
import { normaliseEntry } from '../articles/normalise-entry.js';
import type { NormalisedArticle } from '../articles/normalised-article.js';
import type { IngestorEnv } from '../env.js';
import { FeedClaims } from '../feeds/feed-claims.js';
import type { ClaimedFeed, FeedStateUpdate } from '../feeds/claimed-feed.js';
import { fetchFeed, type FetchOptions, type FetchResult } from '../fetch/http-fetcher.js';
import { isFetchError } from '../fetch/errors.js';
import { parseFeed, FeedParseError, type ParsedFeed } from '../parse/index.js';
import { writeOutbox } from '../outbox/outbox-writer.js';
import { INGESTOR_ENV } from '../tokens.js';
import { nextFetchAfterError, nextFetchAfterSuccess } from './next-fetch.js';

const pollsCounter = new Counter({
  name: 'newsfeed_feed_polls_total',
  help: 'Feed polls by outcome',
  labelNames: ['outcome'],
});
const articlesCounter = new Counter({
  name: 'newsfeed_articles_stored_total',
  help: 'Entries stored, by result (created, updated, duplicate)',
  labelNames: ['result'],
});
const pollDuration = new Histogram({
  name: 'newsfeed_feed_poll_seconds',
  help: 'Fetch, parse and store time of one poll',
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30],
});

interface PollSummary {
  outcome: FetchOutcome;
  httpStatus: number | null;
  bytes: number;
  error: string | null;
  newEntries: number;
  updatedEntries: number;
}

/** One poll of one feed: fetch, parse, normalise, then one transaction for everything it changed. */
@Injectable()
export class FeedFetchPipeline {
  private readonly fetchOptions: FetchOptions;

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: FeedClaims,
    private readonly store: ArticleStore,
    private readonly producer: EventProducer,
    @Inject(INGESTOR_ENV) private readonly env: IngestorEnv,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.fetchOptions = {
      allow: env.FETCH_ALLOW_CIDRS,
      maxBytes: env.FETCH_MAX_BYTES,
      totalTimeoutMs: env.FETCH_TIMEOUT_MS,
      connectTimeoutMs: env.FETCH_CONNECT_TIMEOUT_MS,
      ...(env.FETCH_USER_AGENT ? { userAgent: env.FETCH_USER_AGENT } : {}),
    };
  }

  async poll(feed: ClaimedFeed): Promise<void> {
    const started = performance.now();
    const fetchedAt = new Date();
    const log = this.logger.child({ feedId: feed.id });
    let fetched: FetchResult;
    try {
      fetched = await fetchFeed(
        { url: feed.url, etag: feed.etag ?? undefined, lastModified: feed.lastModified ?? undefined },
        this.fetchOptions,
      );
    } catch (error) {
      await this.recordFailure(feed, fetchedAt, started, error);
      return;
    }
    if (fetched.notModified) {
      await this.commit(feed, this.successUpdate(feed, fetchedAt, fetched), [], started, {
        outcome: 'not_modified', httpStatus: fetched.status, bytes: 0, error: null,
        newEntries: 0, updatedEntries: 0,
      });
      return;
    }
    let parsed: ParsedFeed;
    try {
      parsed = parseFeed({ body: fetched.body, contentType: fetched.headers.contentType, url: fetched.finalUrl });
    } catch (error) {
      const reason = error instanceof FeedParseError ? error.message : String(error);
      log.warn('feed could not be parsed', { error: reason });
      await this.commit(feed, this.failureUpdate(feed, fetchedAt, fetched.status, reason), [], started, {
        outcome: 'parse_error', httpStatus: fetched.status, bytes: fetched.bytes, error: reason,
        newEntries: 0, updatedEntries: 0,
      });
      return;
    }
    const articles = parsed.entries
      .map((entry) => normaliseEntry(entry, fetched.finalUrl))
      .filter((article): article is NormalisedArticle => article !== null);
    const update = this.successUpdate(feed, fetchedAt, fetched, parsed);
    await this.commit(feed, update, articles, started, {
      outcome: 'changed', httpStatus: fetched.status, bytes: fetched.bytes, error: null,
      newEntries: 0, updatedEntries: 0,
    });
  }

  private async recordFailure(feed: ClaimedFeed, fetchedAt: Date, started: number, error: unknown) {
    const fetchError = isFetchError(error) ? error : undefined;
    const status = fetchError?.status ?? null;
    const gone = status === 404 || status === 410;
    const outcome: FetchOutcome = gone
      ? 'gone'
      : fetchError?.kind === 'ssrf_refused' || fetchError?.kind === 'bad_url'
        ? 'refused'
        : fetchError?.kind === 'http_status'
          ? 'http_error'
          : 'network_error';
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn('feed fetch failed', { feedId: feed.id, outcome, error: message });
    const update = this.failureUpdate(feed, fetchedAt, status, message);
    if (gone) update.status = 'gone';
    await this.commit(feed, update, [], started, {
      outcome, httpStatus: status, bytes: 0, error: message, newEntries: 0, updatedEntries: 0,
    });
  }

  private successUpdate(
    feed: ClaimedFeed,
    fetchedAt: Date,
    fetched: FetchResult,
    parsed?: ParsedFeed,
  ): FeedStateUpdate {
    const next = nextFetchAfterSuccess(fetchedAt, this.env);
    return {
      fetchedAt,
      succeeded: true,
      httpStatus: fetched.status,
      error: null,
      validators: parsed
        ? { etag: fetched.headers.etag ?? null, lastModified: fetched.headers.lastModified ?? null }
        : undefined,
      nextFetchAt: next.at,
      intervalSeconds: next.intervalSeconds,
      status: 'active',
      title: parsed?.title,
      siteUrl: parsed?.link,
      language: parsed?.language?.slice(0, 35),
    };
  }

  private failureUpdate(
    feed: ClaimedFeed,
    fetchedAt: Date,
    httpStatus: number | null,
    error: string,
  ): FeedStateUpdate {
    return {
      fetchedAt,
      succeeded: false,
      httpStatus,
      error: error.slice(0, 2000),
      nextFetchAt: nextFetchAfterError(fetchedAt, feed.consecutiveErrors + 1, this.env),
      intervalSeconds: feed.intervalSeconds,
      status: feed.status,
    };
  }

  /** Articles, their events, the feed's new state and the fetch telemetry: all or nothing. */
  private async commit(
    feed: ClaimedFeed,
    update: FeedStateUpdate,
    articles: NormalisedArticle[],
    started: number,
    summary: PollSummary,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const context = { id: feed.id, language: update.language ?? feed.language };
      const stored = await this.store.store(manager, context, articles, update.fetchedAt);
      summary.newEntries = stored.created;
      summary.updatedEntries = stored.updated;
      await this.claims.record(manager, feed.id, update);
      const telemetry = this.telemetry(feed, update, started, summary);
      await writeOutbox(manager, [...stored.events, telemetry]);
      articlesCounter.inc({ result: 'created' }, stored.created);
      articlesCounter.inc({ result: 'updated' }, stored.updated);
      articlesCounter.inc({ result: 'duplicate' }, stored.duplicates);
    });
    pollsCounter.inc({ outcome: summary.outcome });
    pollDuration.observe((performance.now() - started) / 1000);
    if (summary.newEntries + summary.updatedEntries > 0) {
      this.logger.info('feed polled', { feedId: feed.id, ...summary });
    }
  }

  private telemetry(feed: ClaimedFeed, update: FeedStateUpdate, started: number, summary: PollSummary) {
    const payload: FeedFetchedV1 = {
      feedId: feed.id,
      url: feed.url,
      outcome: summary.outcome,
      httpStatus: summary.httpStatus,
      durationMs: Math.round(performance.now() - started),
      bytes: summary.bytes,
      newEntries: summary.newEntries,
      updatedEntries: summary.updatedEntries,
      error: summary.error?.slice(0, 2000) ?? null,
      fetchedAt: update.fetchedAt.toISOString(),
      nextFetchAt: update.nextFetchAt.toISOString(),
    };
    const topic = TOPICS.feedFetched;
    return { topic, event: this.producer.encode(topic, payload, feed.id) };
  }
}
