import type { FetchOutcome as TelemetryOutcome } from '#contracts';
import type {
  ClaimedFeed,
  FeedDocumentHints,
  FeedStateUpdate,
  FeedStatus,
} from '../feeds/claimed-feed.js';
import { FetchError } from '#net';
import type { FetchResult } from '../fetch/http-fetcher.js';
import { declaredMove, observeRedirects } from '../fetch/redirect-policy.js';
import type { ParsedFeed } from '../parse/types.js';
import {
  type FeedHealth,
  type FeedScheduleState,
  type FetchOutcome,
  type IntervalPolicyConfig,
  planNextFetch,
} from '../schedule/interval-policy.js';
import { outcomeOfError, outcomeOfSuccess } from '../schedule/outcome.js';

/** How many publication times the adaptive interval learns from. */
const RECENT_ENTRIES = 20;

export interface PollContext {
  now: number;
  random: () => number;
  policy: Partial<IntervalPolicyConfig>;
  /** Consecutive permanent redirects to one URL before the stored URL changes. */
  moveConfirmations: number;
}

export function scheduleStateOf(feed: ClaimedFeed): FeedScheduleState {
  return {
    health: feed.health,
    consecutiveFailures: feed.consecutiveFailures,
    ...(feed.failingSince ? { failingSince: feed.failingSince.getTime() } : {}),
    consecutiveNotFound: feed.consecutiveNotFound,
  };
}

function statusOf(health: FeedHealth): FeedStatus {
  return health === 'parked' || health === 'gone' ? health : 'active';
}

/** The newest distinct publication times of the stored ones and the document's entries. */
export function mergePublished(stored: readonly number[], parsed: ParsedFeed): number[] {
  const fromDocument = parsed.entries
    .map((entry) => Date.parse(entry.published ?? entry.updated ?? ''))
    .filter(Number.isFinite);
  return [...new Set([...stored, ...fromDocument])].sort((a, b) => b - a).slice(0, RECENT_ENTRIES);
}

export function documentHints(parsed: ParsedFeed): FeedDocumentHints {
  const { ttlMinutes, syndicationPeriodMinutes, skipHours, skipDays } = parsed.schedule;
  return {
    ...(ttlMinutes !== undefined ? { ttlMinutes } : {}),
    ...(syndicationPeriodMinutes !== undefined ? { syndicationPeriodMinutes } : {}),
    ...(skipHours.length > 0 ? { skipHours: [...skipHours] } : {}),
    ...(skipDays.length > 0 ? { skipDays: [...skipDays] } : {}),
  };
}

function scheduleFields(feed: ClaimedFeed, state: FeedScheduleState) {
  return {
    health: state.health,
    status: statusOf(state.health),
    consecutiveFailures: state.consecutiveFailures,
    failingSince: state.failingSince === undefined ? null : new Date(state.failingSince),
    consecutiveNotFound: state.consecutiveNotFound,
    redirectCandidate: feed.redirectCandidate,
    redirectStreak: feed.redirectStreak,
  };
}

/**
 * The feed's new state after a 200 or 304: the adaptive interval from its publication times and
 * the publisher's hints (document and HTTP caching headers), the permanent-redirect streak, a move
 * confirmed by repeated 301/308 or declared by itunes:new-feed-url, and validators only when the
 * document was read (some servers change them on 304).
 */
export function successUpdate(
  feed: ClaimedFeed,
  fetched: FetchResult,
  parsed: ParsedFeed | undefined,
  ctx: PollContext,
): FeedStateUpdate {
  const hints = parsed ? documentHints(parsed) : feed.publisherHints;
  const recent = parsed ? mergePublished(feed.recentPublishedAt, parsed) : feed.recentPublishedAt;
  const plan = planNextFetch(scheduleStateOf(feed), outcomeOfSuccess(fetched.headers, hints), {
    now: ctx.now,
    random: ctx.random,
    recentPublishedAt: recent,
    config: ctx.policy,
  });
  const redirects = observeRedirects(
    { candidateUrl: feed.redirectCandidate ?? undefined, streak: feed.redirectStreak },
    fetched.redirects,
    ctx.moveConfirmations,
  );
  const movedTo = (parsed && declaredMove(feed.url, parsed.newFeedUrl)) ?? redirects.moveTo;
  return {
    fetchedAt: new Date(ctx.now),
    succeeded: true,
    httpStatus: fetched.status,
    error: null,
    outcome: parsed ? 'changed' : 'not_modified',
    ...(parsed
      ? {
          validators: {
            etag: fetched.headers.etag ?? null,
            lastModified: fetched.headers.lastModified ?? null,
          },
          recentPublishedAt: recent,
          publisherHints: hints,
          title: parsed.title?.slice(0, 1000),
          siteUrl: parsed.link?.slice(0, 2048),
          language: parsed.language?.slice(0, 35),
        }
      : {}),
    nextFetchAt: new Date(plan.nextFetchAt),
    intervalSeconds: Math.max(1, Math.round(plan.delayMs / 1000)),
    ...scheduleFields(feed, plan.state),
    redirectCandidate: movedTo ? null : (redirects.state.candidateUrl ?? null),
    redirectStreak: movedTo ? 0 : redirects.state.streak,
    ...(movedTo ? { movedTo } : {}),
  };
}

/** The telemetry outcome of a failed poll. */
export function failureOutcome(error: unknown, health: FeedHealth): TelemetryOutcome {
  if (!(error instanceof FetchError)) return 'parse_error';
  if (health === 'gone' && (error.status === 404 || error.status === 410)) return 'gone';
  if (error.kind === 'ssrf_refused' || error.kind === 'bad_url') return 'refused';
  return error.kind === 'http_status' ? 'http_error' : 'network_error';
}

/**
 * The feed's new state after a failed poll (fetch error or unreadable document): Retry-After on
 * 429/503, exponential backoff with full jitter, parking after a long streak, gone on 410 or
 * repeated 404. The redirect streak is left as it was.
 */
export function failureUpdate(
  feed: ClaimedFeed,
  error: unknown,
  ctx: PollContext,
): { update: FeedStateUpdate; outcome: FetchOutcome; telemetry: TelemetryOutcome } {
  const outcome: FetchOutcome =
    error instanceof FetchError ? outcomeOfError(error) : { kind: 'error' };
  const plan = planNextFetch(scheduleStateOf(feed), outcome, {
    now: ctx.now,
    random: ctx.random,
    recentPublishedAt: feed.recentPublishedAt,
    config: ctx.policy,
  });
  const message = error instanceof Error ? error.message : String(error);
  const telemetry = failureOutcome(error, plan.state.health);
  return {
    outcome,
    telemetry,
    update: {
      fetchedAt: new Date(ctx.now),
      succeeded: false,
      httpStatus: error instanceof FetchError ? (error.status ?? null) : null,
      error: message.slice(0, 2000),
      outcome: telemetry,
      nextFetchAt: new Date(plan.nextFetchAt),
      intervalSeconds: feed.intervalSeconds,
      ...scheduleFields(feed, plan.state),
    },
  };
}

/** The interval policy's configuration from the environment (seconds to ms). */
export function policyFromEnv(env: {
  FEED_MIN_INTERVAL_SECONDS: number;
  FEED_MAX_INTERVAL_SECONDS: number;
  FEED_DEFAULT_INTERVAL_SECONDS: number;
  FEED_BACKOFF_BASE_SECONDS: number;
  FEED_BACKOFF_CAP_SECONDS: number;
  FEED_MIN_RETRY_SECONDS: number;
  FEED_PARK_AFTER_FAILURES: number;
  FEED_PARK_AFTER_SECONDS: number;
  FEED_PARKED_PROBE_SECONDS: number;
  FEED_GONE_PROBE_SECONDS: number;
}): Partial<IntervalPolicyConfig> {
  const ms = (seconds: number) => seconds * 1000;
  return {
    minIntervalMs: ms(env.FEED_MIN_INTERVAL_SECONDS),
    maxIntervalMs: ms(Math.max(env.FEED_MIN_INTERVAL_SECONDS, env.FEED_MAX_INTERVAL_SECONDS)),
    defaultIntervalMs: ms(env.FEED_DEFAULT_INTERVAL_SECONDS),
    backoffBaseMs: ms(env.FEED_BACKOFF_BASE_SECONDS),
    backoffCapMs: ms(env.FEED_BACKOFF_CAP_SECONDS),
    minRetryMs: ms(env.FEED_MIN_RETRY_SECONDS),
    parkAfterFailures: env.FEED_PARK_AFTER_FAILURES,
    parkAfterMs: ms(env.FEED_PARK_AFTER_SECONDS),
    parkedProbeMs: ms(env.FEED_PARKED_PROBE_SECONDS),
    goneProbeMs: ms(env.FEED_GONE_PROBE_SECONDS),
  };
}
