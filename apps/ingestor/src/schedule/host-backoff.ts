/** One fetch answer from a host, as the host-level decision needs it. */
export interface HostObservation {
  feedId: string;
  /** Epoch ms of the answer. */
  at: number;
  /** The answer was 429 or 503. */
  throttled: boolean;
  /** Parsed Retry-After of a throttled answer, ms. */
  retryAfterMs?: number;
}

export interface HostBackoffConfig {
  /** Only answers this recent count. */
  windowMs: number;
  /** At least this many distinct feeds must currently be throttled… */
  minThrottledFeeds: number;
  /** …and at least this share of the host's recently fetched feeds. */
  minThrottledShare: number;
  /** Deferral when no Retry-After was given; doubles on each consecutive host deferral. */
  baseDeferMs: number;
  maxDeferMs: number;
}

export const DEFAULT_HOST_BACKOFF: Readonly<HostBackoffConfig> = Object.freeze({
  windowMs: 10 * 60_000,
  minThrottledFeeds: 3,
  minThrottledShare: 0.5,
  baseDeferMs: 15 * 60_000,
  maxDeferMs: 6 * 3_600_000,
});

export type HostDecision =
  | { defer: false; throttledFeeds: number; feeds: number }
  | { defer: true; until: number; throttledFeeds: number; feeds: number };

/** Each feed's latest answer inside the window. */
function latestPerFeed(
  observations: readonly HostObservation[],
  now: number,
  windowMs: number,
): HostObservation[] {
  const latest = new Map<string, HostObservation>();
  for (const o of observations) {
    if (o.at < now - windowMs || o.at > now) continue;
    const seen = latest.get(o.feedId);
    if (!seen || o.at >= seen.at) latest.set(o.feedId, o);
  }
  return [...latest.values()];
}

/**
 * Whether a whole host should be deferred: enough of its feeds, judged by each feed's LATEST
 * answer in the window, are being told 429/503. One throttled feed only defers itself.
 * `strikes` = consecutive earlier host deferrals (escalates the deferral when no Retry-After).
 * Pure, so the DB layer can feed it recent fetch rows of one host.
 */
export function decideHostBackoff(
  observations: readonly HostObservation[],
  now: number,
  config: HostBackoffConfig = DEFAULT_HOST_BACKOFF,
  strikes = 0,
): HostDecision {
  const latest = latestPerFeed(observations, now, config.windowMs);
  const throttled = latest.filter((o) => o.throttled);
  const counts = { throttledFeeds: throttled.length, feeds: latest.length };
  const enough =
    throttled.length >= config.minThrottledFeeds &&
    throttled.length / latest.length >= config.minThrottledShare;
  if (!enough) return { defer: false, ...counts };
  const asked = Math.max(0, ...throttled.map((o) => o.retryAfterMs ?? 0));
  const escalated = config.baseDeferMs * 2 ** Math.min(strikes, 20);
  const deferMs = Math.min(config.maxDeferMs, asked > 0 ? asked : escalated);
  return { defer: true, until: now + deferMs, ...counts };
}

/** An in-memory tracker around decideHostBackoff for one replica (the DB can hold the same data). */
export class HostBackoffTracker {
  private readonly seen = new Map<string, HostObservation[]>();
  private readonly deferred = new Map<string, { until: number; strikes: number }>();

  constructor(private readonly config: HostBackoffConfig = DEFAULT_HOST_BACKOFF) {}

  /** Records an answer; returns the decision (call HostGate.deferHost when `defer`). */
  record(host: string, observation: HostObservation): HostDecision {
    const now = observation.at;
    const recent = (this.seen.get(host) ?? []).filter((o) => o.at >= now - this.config.windowMs);
    recent.push(observation);
    this.seen.set(host, recent);
    const previous = this.deferred.get(host);
    if (previous && previous.until > now)
      return { defer: true, until: previous.until, ...this.counts(recent, now) };
    const decision = decideHostBackoff(recent, now, this.config, previous?.strikes ?? 0);
    if (decision.defer) {
      this.deferred.set(host, { until: decision.until, strikes: (previous?.strikes ?? 0) + 1 });
      this.seen.set(host, []); // the next decision is made on answers after the deferral
    } else if (!observation.throttled) {
      this.deferred.delete(host);
    }
    return decision;
  }

  /** Epoch ms until which the host is deferred, if it is. */
  deferredUntil(host: string, now: number): number | undefined {
    const entry = this.deferred.get(host);
    return entry && entry.until > now ? entry.until : undefined;
  }

  private counts(recent: readonly HostObservation[], now: number) {
    const latest = latestPerFeed(recent, now, this.config.windowMs);
    return { throttledFeeds: latest.filter((o) => o.throttled).length, feeds: latest.length };
  }
}
