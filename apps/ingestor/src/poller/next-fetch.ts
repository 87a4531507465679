import type { IngestorEnv } from '../env.js';

// Interim schedule until schedule/ lands: fixed interval on success, capped backoff on error.
export function nextFetchAfterSuccess(now: Date, env: IngestorEnv): { at: Date; intervalSeconds: number } {
  const intervalSeconds = env.FEED_MIN_INTERVAL_SECONDS;
  return { at: new Date(now.getTime() + intervalSeconds * 1000), intervalSeconds };
}

export function nextFetchAfterError(now: Date, consecutiveErrors: number, env: IngestorEnv): Date {
  const seconds = Math.min(env.FEED_MAX_INTERVAL_SECONDS, 60 * 2 ** Math.min(consecutiveErrors, 12));
  return new Date(now.getTime() + seconds * 1000 * (0.5 + Math.random() / 2));
}
