import { parseRetryAfter } from './http-dates.js';
import { type PublisherHints, publisherMinimumMs } from './publisher-hints.js';
import { applySkipRules } from './skip.js';

export type { PublisherHints } from './publisher-hints.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface IntervalPolicyConfig {
  /** Adaptive interval bounds. */
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Used until a feed has two distinct publication times. */
  defaultIntervalMs: number;
  /** Poll at this fraction of the typical gap between entries (0.5 = twice per gap). */
  gapFactor: number;
  /** How many of the newest entries the typical gap is learned from. */
  recentEntries: number;
  /** A feed silent for a long time slows down: the gap is at least (time since newest) / this. */
  dormancyDivisor: number;
  /** Publisher hints (ttl, sy:*, Cache-Control, Expires) are honoured up to this. */
  maxHintMs: number;
  /** Positive jitter: the interval grows by up to this fraction (never shrinks below a limit). */
  jitterRatio: number;
  /** Error backoff: full jitter over min(cap, base * 2^(failures-1)), at least minRetryMs. */
  backoffBaseMs: number;
  backoffCapMs: number;
  minRetryMs: number;
  /** Retry-After is honoured up to this. */
  maxRetryAfterMs: number;
  /** Parked when BOTH this many consecutive failures and this long failing. */
  parkAfterFailures: number;
  parkAfterMs: number;
  /** A parked feed is probed this often, forever. */
  parkedProbeMs: number;
  /** 410 marks a feed gone at once; 404 after this many in a row (sites mid-migration 404 briefly). */
  goneAfterNotFound: number;
  /** A gone feed is still probed this often. */
  goneProbeMs: number;
}

export const DEFAULT_INTERVAL_POLICY: Readonly<IntervalPolicyConfig> = Object.freeze({
  minIntervalMs: 10 * MINUTE,
  maxIntervalMs: DAY,
  defaultIntervalMs: HOUR,
  gapFactor: 0.5,
  recentEntries: 20,
  dormancyDivisor: 4,
  maxHintMs: 3 * DAY,
  jitterRatio: 0.1,
  backoffBaseMs: 5 * MINUTE,
  backoffCapMs: 12 * HOUR,
  minRetryMs: MINUTE,
  maxRetryAfterMs: 2 * DAY,
  parkAfterFailures: 10,
  parkAfterMs: 3 * DAY,
  parkedProbeMs: DAY,
  goneAfterNotFound: 3,
  goneProbeMs: 7 * DAY,
});

export type FeedHealth = 'active' | 'backing_off' | 'parked' | 'gone';

/** The scheduling columns of a feed row. */
export interface FeedScheduleState {
  health: FeedHealth;
  consecutiveFailures: number;
  /** Epoch ms of the first failure of the current streak. */
  failingSince?: number;
  consecutiveNotFound: number;
}

export const INITIAL_SCHEDULE_STATE: Readonly<FeedScheduleState> = Object.freeze({
  health: 'active',
  consecutiveFailures: 0,
  consecutiveNotFound: 0,
});

/** What one fetch came to, as far as scheduling cares. */
export type FetchOutcome =
  /** 2xx or 304. */
  | { kind: 'ok'; hints?: PublisherHints }
  /** 429 or 503 (with or without Retry-After). */
  | { kind: 'throttled'; status: number; retryAfter?: string; serverDate?: string }
  | { kind: 'not_found'; status: 404 | 410 }
  /** Anything else: timeouts, network, other statuses, too large, refused, unparseable. */
  | { kind: 'error' };

export interface PlanContext {
  now: number;
  /** Uniform in [0, 1). Injected so tests are deterministic. */
  random: () => number;
  /** Publication times (epoch ms) of the feed's recent entries, any order. */
  recentPublishedAt?: readonly number[];
  config?: Partial<IntervalPolicyConfig>;
}

export type PlanReason =
  'default' | 'adaptive' | 'publisher_hint' | 'retry_after' | 'backoff' | 'parked' | 'gone';

export interface SchedulePlan {
  nextFetchAt: number;
  delayMs: number;
  reason: PlanReason;
  state: FeedScheduleState;
}

/** Median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * How often to poll judging by how often the feed really publishes: `gapFactor` times the median
 * gap between its newest distinct publication times (future dates ignored), slowed down when the
 * feed has been silent for long, clamped to [minIntervalMs, maxIntervalMs].
 */
export function adaptiveIntervalMs(
  publishedAt: readonly number[],
  now: number,
  config: IntervalPolicyConfig = DEFAULT_INTERVAL_POLICY,
): { intervalMs: number; learned: boolean } {
  const plausible = publishedAt.filter((t) => Number.isFinite(t) && t <= now + HOUR);
  const distinct = [...new Set(plausible)].sort((a, b) => b - a).slice(0, config.recentEntries);
  if (distinct.length < 2) {
    return {
      intervalMs: clamp(config.defaultIntervalMs, config.minIntervalMs, config.maxIntervalMs),
      learned: false,
    };
  }
  const gaps = distinct.slice(1).map((t, i) => distinct[i]! - t);
  const silentFor = Math.max(0, now - distinct[0]!);
  const gap = Math.max(median(gaps), silentFor / config.dormancyDivisor);
  return {
    intervalMs: clamp(gap * config.gapFactor, config.minIntervalMs, config.maxIntervalMs),
    learned: true,
  };
}

/** Adds up to `ratio` of `ms` (never subtracts, so no lower limit is broken). */
export function withJitter(ms: number, ratio: number, random: () => number): number {
  return ms + ms * ratio * random();
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base*2^(n-1))], at least minRetryMs. */
export function backoffDelayMs(
  failures: number,
  config: IntervalPolicyConfig,
  random: () => number,
): number {
  const exponent = Math.min(Math.max(0, failures - 1), 40);
  const ceiling = Math.min(config.backoffCapMs, config.backoffBaseMs * 2 ** exponent);
  return Math.max(config.minRetryMs, ceiling * random());
}

function planSuccess(
  outcome: { hints?: PublisherHints },
  ctx: PlanContext,
  config: IntervalPolicyConfig,
): SchedulePlan {
  const { now, random } = ctx;
  const adaptive = adaptiveIntervalMs(ctx.recentPublishedAt ?? [], now, config);
  const hinted = publisherMinimumMs(outcome.hints, now, config.maxHintMs);
  const interval = Math.max(adaptive.intervalMs, hinted);
  const reason: PlanReason =
    hinted > adaptive.intervalMs ? 'publisher_hint' : adaptive.learned ? 'adaptive' : 'default';
  const candidate = now + withJitter(interval, config.jitterRatio, random);
  const nextFetchAt = Math.round(
    applySkipRules(candidate, outcome.hints ?? {}, random() * 10 * MINUTE),
  );
  return { nextFetchAt, delayMs: nextFetchAt - now, reason, state: { ...INITIAL_SCHEDULE_STATE } };
}

function failedState(state: FeedScheduleState, now: number, notFound: boolean): FeedScheduleState {
  return {
    health: 'backing_off',
    consecutiveFailures: state.consecutiveFailures + 1,
    failingSince: state.failingSince ?? now,
    consecutiveNotFound: notFound ? state.consecutiveNotFound + 1 : 0,
  };
}

function shouldPark(state: FeedScheduleState, now: number, config: IntervalPolicyConfig): boolean {
  const failingFor = now - (state.failingSince ?? now);
  return state.consecutiveFailures >= config.parkAfterFailures && failingFor >= config.parkAfterMs;
}

function isGone(
  outcome: FetchOutcome,
  state: FeedScheduleState,
  config: IntervalPolicyConfig,
): boolean {
  if (outcome.kind !== 'not_found') return false;
  return outcome.status === 410 || state.consecutiveNotFound >= config.goneAfterNotFound;
}

function planFailure(
  previous: FeedScheduleState,
  outcome: FetchOutcome,
  ctx: PlanContext,
  config: IntervalPolicyConfig,
): SchedulePlan {
  const { now, random } = ctx;
  const state = failedState(previous, now, outcome.kind === 'not_found');
  const plan = (delay: number, reason: PlanReason, health: FeedHealth): SchedulePlan => {
    const delayMs = Math.round(delay);
    return { nextFetchAt: now + delayMs, delayMs, reason, state: { ...state, health } };
  };
  if (isGone(outcome, state, config))
    return plan(withJitter(config.goneProbeMs, config.jitterRatio, random), 'gone', 'gone');
  const retryAfter =
    outcome.kind === 'throttled'
      ? parseRetryAfter(outcome.retryAfter, now, outcome.serverDate)
      : undefined;
  if (shouldPark(state, now, config)) {
    const probe = withJitter(config.parkedProbeMs, config.jitterRatio, random);
    return plan(
      Math.max(probe, Math.min(retryAfter ?? 0, config.maxRetryAfterMs)),
      'parked',
      'parked',
    );
  }
  if (retryAfter !== undefined) {
    return plan(
      clamp(retryAfter, config.minRetryMs, config.maxRetryAfterMs),
      'retry_after',
      'backing_off',
    );
  }
  return plan(backoffDelayMs(state.consecutiveFailures, config, random), 'backoff', 'backing_off');
}

/**
 * The next fetch time and the new schedule state after one fetch. Pure: the clock, the random
 * source and the feed's recent publication times come in through `ctx`.
 *
 * - ok: adaptive interval, lengthened by publisher hints, jittered, moved out of skipHours/skipDays;
 *   resets failures (a parked or gone feed that answers again is active again).
 * - throttled: honours Retry-After (capped), else error backoff.
 * - error: exponential backoff with full jitter; after a long streak the feed is parked and probed
 *   every `parkedProbeMs`, never dropped.
 * - not_found: 410 (or repeated 404) marks it gone, probed every `goneProbeMs`.
 */
export function planNextFetch(
  state: FeedScheduleState,
  outcome: FetchOutcome,
  ctx: PlanContext,
): SchedulePlan {
  const config = { ...DEFAULT_INTERVAL_POLICY, ...ctx.config };
  if (outcome.kind === 'ok') return planSuccess(outcome, ctx, config);
  return planFailure(state, outcome, ctx, config);
}
