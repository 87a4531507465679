export interface RetryPolicy {
  /** Attempts per delivery, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Share of each delay that is randomised (0 = none, 1 = "full jitter"). */
  jitter: number;
  /** Disable a subscription after this many deliveries in a row exhausted their attempts… */
  disableAfterFailedDeliveries: number;
  /** …and only if it has not succeeded for at least this long (one bad hour is not enough). */
  disableAfterFailingForMs: number;
}

/** ~8 attempts over ~2 days (1 min, 4 min, 16 min, ~1 h, ~4 h, ~17 h, 24 h cap). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 24 * 3_600_000,
  jitter: 0.2,
  disableAfterFailedDeliveries: 5,
  disableAfterFailingForMs: 3 * 24 * 3_600_000,
};

/** What one HTTP attempt produced: a status, or a network/timeout error (status undefined). */
export interface AttemptOutcome {
  status?: number;
  /** Retry-After in ms, already parsed, when the target sent one. */
  retryAfterMs?: number;
}

export type OutcomeKind = 'success' | 'retryable' | 'permanent' | 'gone';

/**
 * 2xx: done. 410 Gone: the target says the endpoint no longer exists: disable now. Other 4xx
 * (bad URL, auth) will not fix themselves by retrying, except 408 Request Timeout and 429.
 * 3xx counts as failure: redirects are not followed (they would bypass the SSRF check).
 */
export function classifyOutcome(outcome: AttemptOutcome): OutcomeKind {
  const { status } = outcome;
  if (status === undefined) return 'retryable';
  if (status >= 200 && status < 300) return 'success';
  if (status === 410) return 'gone';
  if (status === 408 || status === 429 || status >= 500) return 'retryable';
  return 'permanent';
}

/**
 * Delay before attempt `attempt + 1`, after `attempt` (1-based) failed: base·4^(attempt-1),
 * capped, with the jittered share drawn from `random` (inject it to make tests deterministic).
 * A longer Retry-After from the target wins, within the cap.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 4 ** Math.max(0, attempt - 1),
  );
  const jittered = exponential * (1 - policy.jitter) + exponential * policy.jitter * random();
  const delay = Math.max(jittered, Math.min(retryAfterMs ?? 0, policy.maxDelayMs));
  return Math.round(delay);
}

export type NextStep =
  | { action: 'done' }
  | { action: 'retry'; at: Date }
  | { action: 'give_up'; reason: 'attempts_exhausted' | 'permanent_error' }
  | { action: 'disable'; reason: 'gone' };

/** After attempt number `attempt` (1-based) of one delivery ended with `outcome`. */
export function nextStep(
  attempt: number,
  outcome: AttemptOutcome,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): NextStep {
  switch (classifyOutcome(outcome)) {
    case 'success':
      return { action: 'done' };
    case 'gone':
      return { action: 'disable', reason: 'gone' };
    case 'permanent':
      return { action: 'give_up', reason: 'permanent_error' };
    case 'retryable':
      if (attempt >= policy.maxAttempts) return { action: 'give_up', reason: 'attempts_exhausted' };
      return {
        action: 'retry',
        at: new Date(now.getTime() + retryDelayMs(attempt, policy, random, outcome.retryAfterMs)),
      };
  }
}

export interface SubscriptionHealth {
  /** Deliveries in a row that ended in give_up (reset to 0 by any success). */
  consecutiveFailedDeliveries: number;
  /** Last successful delivery, or the subscription's creation if none yet. */
  lastSuccessAt: Date;
}

/** Update after a delivery finished (done or give_up). */
export function recordDelivery(
  health: SubscriptionHealth,
  succeeded: boolean,
  now: Date,
): SubscriptionHealth {
  return succeeded
    ? { consecutiveFailedDeliveries: 0, lastSuccessAt: now }
    : { ...health, consecutiveFailedDeliveries: health.consecutiveFailedDeliveries + 1 };
}

/** Both conditions: many failed deliveries in a row AND no success for a long time. */
export function shouldDisable(
  health: SubscriptionHealth,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): boolean {
  return (
    health.consecutiveFailedDeliveries >= policy.disableAfterFailedDeliveries &&
    now.getTime() - health.lastSuccessAt.getTime() >= policy.disableAfterFailingForMs
  );
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unparseable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
