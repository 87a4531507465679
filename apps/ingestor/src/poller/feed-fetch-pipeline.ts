import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Counter, Histogram } from 'prom-client';
import { TOPICS, type FeedFetchedV1, type FetchOutcome } from '#contracts';
import { EventProducer } from '#messaging';
import type { JsonLogger } from '#observability';
import { LOGGER } from '#platform';
import { ArticleStore } from '../articles/article-store.js';
import { normaliseEntry } from '../articles/normalise-entry.js';
import { StoredEntries } from '../articles/stored-entries.js';
import type { NormalisedArticle } from '../articles/normalised-article.js';
import type { IngestorEnv } from '../env.js';
import { FeedClaims, type HeldHostPermit } from '../feeds/feed-claims.js';
import type { ClaimedFeed, FeedStateUpdate } from '../feeds/claimed-feed.js';
import { fetchFeed, type FetchOptions, type FetchResult } from '../fetch/http-fetcher.js';
import { HostPoliteness } from '../hosts/host-politeness.js';
import type { SharedHostPermit } from '../hosts/shared-host-gate.js';
import { parseFeed, type ParsedFeed } from '../parse/index.js';
import type { OutboxRow } from '#database';
import { OutboxSignal } from '../outbox/outbox-signal.js';
import { parseRetryAfter } from '../schedule/http-dates.js';
import { INGESTOR_ENV } from '../tokens.js';
import { failureUpdate, policyFromEnv, successUpdate, type PollContext } from './poll-update.js';

const pollsCounter = new Counter({
  name: 'newsfeed_feed_polls_total',
  help: 'Feed polls by outcome',
  labelNames: ['outcome'],
});
const articlesCounter = new Counter({
  name: 'newsfeed_articles_stored_total',
  help: 'Entries of changed feeds, by result (created, updated, duplicate, unchanged: as this process last stored it)',
  labelNames: ['result'],
});
const handedBack = new Counter({
  name: 'newsfeed_feed_polls_deferred_total',
  help: 'Claimed feeds handed back unpolled because their host was busy or deferred',
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

/**
 * One poll of one feed: a host permit (shared by replicas), fetch, parse, normalise, then one
 * statement (304, errors) or one transaction (articles) for everything the poll changed.
 */
@Injectable()
export class FeedFetchPipeline implements OnApplicationShutdown {
  private readonly fetchOptions: FetchOptions;
  private readonly agents: { http: HttpAgent; https: HttpsAgent };
  private readonly policy: PollContext['policy'];
  private readonly storedEntries: StoredEntries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: FeedClaims,
    private readonly store: ArticleStore,
    private readonly producer: EventProducer,
    private readonly hosts: HostPoliteness,
    private readonly outbox: OutboxSignal,
    @Inject(INGESTOR_ENV) private readonly env: IngestorEnv,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.storedEntries = new StoredEntries(env.INGESTOR_STORED_ENTRIES);
    // Keep-alive sockets per host: a 304 poll reuses the connection of the previous one. No
    // maxTotalSockets: idle sockets of other hosts would count against it and stall new hosts
    // until they time out; FETCH_CONCURRENCY already bounds the requests in flight.
    const agentOptions = {
      keepAlive: true,
      keepAliveMsecs: 30_000,
      maxSockets: env.HOST_MAX_CONCURRENCY,
      maxFreeSockets: env.HOST_MAX_CONCURRENCY,
      scheduling: 'lifo' as const,
      // Idle keep-alive sockets are closed after this; fetches have their own deadlines.
      timeout: 15_000,
    };
    this.agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };
    this.fetchOptions = {
      allow: env.FETCH_ALLOW_CIDRS,
      maxBytes: env.FETCH_MAX_BYTES,
      totalTimeoutMs: env.FETCH_TIMEOUT_MS,
      connectTimeoutMs: env.FETCH_CONNECT_TIMEOUT_MS,
      maxRedirects: env.FETCH_MAX_REDIRECTS,
      agents: this.agents,
      ...(env.FETCH_USER_AGENT ? { userAgent: env.FETCH_USER_AGENT } : {}),
    };
    this.policy = policyFromEnv(env);
  }

  onApplicationShutdown(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  async poll(feed: ClaimedFeed): Promise<void> {
    const permit = await this.hostPermit(feed);
    if (permit === null) return;
    const started = performance.now();
    const ctx = this.context();
    let fetched: FetchResult;
    try {
      fetched = await fetchFeed(
        {
          url: feed.url,
          etag: feed.etag ?? undefined,
          lastModified: feed.lastModified ?? undefined,
        },
        this.fetchOptions,
      );
    } catch (error) {
      await this.recordFailure(feed, ctx, started, error, 0, permit?.handOver());
      return;
    }
    const held = permit?.handOver();
    if (fetched.notModified) {
      const update = successUpdate(feed, fetched, undefined, ctx);
      await this.commit(feed, update, [], started, summary('not_modified', fetched.status), held);
      return;
    }
    let parsed: ParsedFeed;
    try {
      parsed = parseFeed({
        body: fetched.body,
        contentType: fetched.headers.contentType,
        url: fetched.finalUrl,
      });
    } catch (error) {
      await this.recordFailure(feed, ctx, started, error, fetched.bytes, held, fetched.status);
      return;
    }
    const digests = parsed.entries.map((entry) =>
      this.storedEntries.digest(entry, fetched.finalUrl),
    );
    const fresh = parsed.entries.filter((_, i) => !this.storedEntries.stored(feed.id, digests[i]!));
    const articles = fresh
      .map((entry) => normaliseEntry(entry, fetched.finalUrl, feed.id))
      .filter((article): article is NormalisedArticle => article !== null);
    const update = successUpdate(feed, fetched, parsed, ctx);
    const changed = { ...summary('changed', fetched.status), bytes: fetched.bytes };
    await this.commit(feed, update, articles, started, changed, held);
    this.storedEntries.remember(feed.id, digests);
    articlesCounter.inc({ result: 'unchanged' }, parsed.entries.length - fresh.length);
  }

  /**
   * Waits (at most HOST_MAX_WAIT_MS) for the host's permit; a feed whose host stays busy or
   * deferred is handed back for later, unpolled and without counting as a failure.
   */
  private async hostPermit(feed: ClaimedFeed): Promise<SharedHostPermit | undefined | null> {
    if (!feed.host) return undefined; // an unusable URL: fetchFeed reports it
    try {
      return await this.hosts.gate.acquire(
        feed.host,
        AbortSignal.timeout(this.env.HOST_MAX_WAIT_MS),
      );
    } catch (error) {
      const retryIn = Math.max(1000, this.env.HOST_MIN_DELAY_MS) * (1 + Math.random());
      await this.claims.handBack(feed.id, new Date(Date.now() + retryIn));
      handedBack.inc();
      if (!(error instanceof Error && error.name === 'AbortError')) {
        this.logger.warn('host permit failed; feed handed back', {
          feedId: feed.id,
          error: String(error),
        });
      }
      return null;
    }
  }

  private context(): PollContext {
    return {
      now: Date.now(),
      random: Math.random,
      policy: this.policy,
      moveConfirmations: this.env.FEED_MOVE_CONFIRMATIONS,
    };
  }

  private async recordFailure(
    feed: ClaimedFeed,
    ctx: PollContext,
    started: number,
    error: unknown,
    bytes: number,
    held: HeldHostPermit | undefined,
    httpStatus?: number,
  ): Promise<void> {
    const failed = failureUpdate(feed, error, ctx);
    if (httpStatus !== undefined) failed.update.httpStatus = httpStatus;
    const message = failed.update.error;
    this.logger.warn('feed poll failed', {
      feedId: feed.id,
      outcome: failed.telemetry,
      error: message,
    });
    const result = {
      ...summary(failed.telemetry, failed.update.httpStatus),
      bytes,
      error: message,
    };
    await this.commit(feed, failed.update, [], started, result, held);
    if (failed.outcome.kind === 'throttled' && feed.host) {
      const retryAfterMs = parseRetryAfter(
        failed.outcome.retryAfter,
        ctx.now,
        failed.outcome.serverDate,
      );
      const decision = await this.hosts.throttle.throttled(feed.host, {
        feedId: feed.id,
        at: ctx.now,
        throttled: true,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
      if (decision.defer) {
        this.logger.warn('host deferred after repeated 429/503', {
          host: feed.host,
          until: new Date(decision.until).toISOString(),
          throttledFeeds: decision.throttledFeeds,
        });
      }
    }
  }

  /** Articles, their events, the feed's new state and the fetch telemetry: all or nothing. */
  private async commit(
    feed: ClaimedFeed,
    update: FeedStateUpdate,
    articles: NormalisedArticle[],
    started: number,
    result: PollSummary,
    held: HeldHostPermit | undefined,
  ): Promise<void> {
    try {
      if (articles.length === 0) {
        await this.claims.record(
          this.dataSource,
          feed.id,
          update,
          [this.telemetry(feed, update, started, result)],
          held,
        );
      } else {
        await this.dataSource.transaction(async (manager) => {
          const context = { id: feed.id, language: update.language ?? feed.language };
          const stored = await this.store.store(manager, context, articles, update.fetchedAt);
          result.newEntries = stored.created;
          result.updatedEntries = stored.updated;
          const events: OutboxRow[] = [
            ...stored.events,
            this.telemetry(feed, update, started, result),
          ];
          await this.claims.record(manager, feed.id, update, events, held);
          articlesCounter.inc({ result: 'created' }, stored.created);
          articlesCounter.inc({ result: 'updated' }, stored.updated);
          articlesCounter.inc({ result: 'duplicate' }, stored.duplicates);
        });
        if (result.newEntries + result.updatedEntries > 0) this.outbox.notify();
      }
    } catch (error) {
      // The poll's statement did not run: free the host permit now rather than at its expiry.
      if (held) await this.hosts.shared.release(held.host, held.permitId).catch(() => undefined);
      throw error;
    }
    pollsCounter.inc({ outcome: result.outcome });
    pollDuration.observe((performance.now() - started) / 1000);
    if (result.newEntries + result.updatedEntries > 0) {
      this.logger.info('feed polled', { feedId: feed.id, ...result });
    }
  }

  private telemetry(
    feed: ClaimedFeed,
    update: FeedStateUpdate,
    started: number,
    result: PollSummary,
  ): OutboxRow {
    const payload: FeedFetchedV1 = {
      feedId: feed.id,
      url: feed.url,
      outcome: result.outcome,
      httpStatus: result.httpStatus,
      durationMs: Math.round(performance.now() - started),
      bytes: result.bytes,
      newEntries: result.newEntries,
      updatedEntries: result.updatedEntries,
      error: result.error?.slice(0, 2000) ?? null,
      fetchedAt: update.fetchedAt.toISOString(),
      nextFetchAt: update.nextFetchAt.toISOString(),
    };
    const topic = TOPICS.feedFetched;
    return { topic, event: this.producer.encode(topic, payload, feed.id) };
  }
}

function summary(outcome: FetchOutcome, httpStatus: number | null): PollSummary {
  return { outcome, httpStatus, bytes: 0, error: null, newEntries: 0, updatedEntries: 0 };
}
