import { parseHttpDate } from './http-dates.js';

/** What the publisher says about how often to poll: feed elements and HTTP caching headers. */
export interface PublisherHints {
  /** RSS `<ttl>`, minutes. */
  ttlMinutes?: number;
  /** `sy:updatePeriod`: hourly, daily, weekly, monthly, yearly. */
  updatePeriod?: string;
  /** `sy:updateFrequency`: updates per period (default 1). */
  updateFrequency?: number;
  /** The same already computed, in minutes (what parseFeed's `schedule` hints carry). */
  syndicationPeriodMinutes?: number;
  /** RSS `<skipHours>`: GMT hours 0-23 (24 is read as 0). */
  skipHours?: readonly number[];
  /** RSS `<skipDays>`: Monday … Sunday. */
  skipDays?: readonly string[];
  cacheControl?: string;
  expires?: string;
  /** The response's `Date` header, to read `Expires` on the server's clock. */
  date?: string;
  /** The response's `Age` header. */
  age?: string;
}

const HOUR = 3_600_000;
const PERIODS: Record<string, number> = {
  hourly: HOUR,
  daily: 24 * HOUR,
  weekly: 7 * 24 * HOUR,
  monthly: 30 * 24 * HOUR,
  yearly: 365 * 24 * HOUR,
};

function ttlMs(hints: PublisherHints): number {
  const ttl = hints.ttlMinutes;
  return ttl !== undefined && Number.isFinite(ttl) && ttl > 0 ? ttl * 60_000 : 0;
}

function syndicationMs(hints: PublisherHints): number {
  const minutes = hints.syndicationPeriodMinutes;
  const computed =
    minutes !== undefined && Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0;
  const period = PERIODS[(hints.updatePeriod ?? '').trim().toLowerCase()];
  if (!period) return computed;
  const frequency = hints.updateFrequency;
  const perPeriod =
    frequency !== undefined && Number.isFinite(frequency) && frequency >= 1 ? frequency : 1;
  return Math.max(computed, period / perPeriod);
}

/** Cache-Control directives as a map (`max-age=600, no-cache` -> {max-age: '600', no-cache: ''}). */
export function parseCacheControl(value: string | undefined): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of (value ?? '').split(',')) {
    const [name, ...rest] = part.split('=');
    const key = name?.trim().toLowerCase();
    if (key)
      directives.set(
        key,
        rest
          .join('=')
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
  }
  return directives;
}

/** Remaining HTTP freshness: max-age minus Age, else Expires minus Date; 0 when none or no-cache. */
export function httpFreshnessMs(hints: PublisherHints, now: number): number {
  const cc = parseCacheControl(hints.cacheControl);
  if (cc.has('no-cache') || cc.has('no-store')) return 0;
  const maxAge = cc.get('max-age');
  if (maxAge !== undefined && /^\d+$/.test(maxAge)) {
    const age = /^\d+$/.test(hints.age ?? '') ? Number(hints.age) : 0;
    return Math.max(0, (Number(maxAge) - age) * 1000);
  }
  const expires = parseHttpDate(hints.expires);
  if (expires === undefined) return 0;
  return Math.max(0, expires - (parseHttpDate(hints.date) ?? now));
}

/**
 * The shortest interval the publisher asks for (0 = no wish): the longest of `<ttl>`,
 * `sy:updatePeriod / sy:updateFrequency` and HTTP freshness, capped at `capMs` so a bogus
 * far-future Expires or a huge ttl cannot stall a feed for months.
 */
export function publisherMinimumMs(
  hints: PublisherHints | undefined,
  now: number,
  capMs: number,
): number {
  if (!hints) return 0;
  return Math.min(capMs, Math.max(ttlMs(hints), syndicationMs(hints), httpFreshnessMs(hints, now)));
}
