const HOUR = 3_600_000;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface SkipRules {
  skipHours?: readonly number[];
  skipDays?: readonly string[];
}

function skippedHours(rules: SkipRules): Set<number> {
  return new Set(
    (rules.skipHours ?? [])
      .filter((h) => Number.isInteger(h) && h >= 0 && h <= 24)
      .map((h) => h % 24),
  );
}

function skippedDays(rules: SkipRules): Set<number> {
  return new Set(
    (rules.skipDays ?? []).map((d) => DAYS.indexOf(d.trim().toLowerCase())).filter((d) => d >= 0),
  );
}

/**
 * Moves `at` out of the publisher's `skipHours` / `skipDays` (both GMT, per RSS 2.0) to the start
 * of the first allowed hour plus `offsetMs` (a little jitter so feeds sharing the rules do not
 * all fire on the hour). Returns `at` unchanged when it is allowed, or when every hour is skipped.
 */
export function applySkipRules(at: number, rules: SkipRules, offsetMs = 0): number {
  const hours = skippedHours(rules);
  const days = skippedDays(rules);
  if (hours.size === 0 && days.size === 0) return at;
  const skipped = (t: number) =>
    hours.has(new Date(t).getUTCHours()) || days.has(new Date(t).getUTCDay());
  if (!skipped(at)) return at;
  let hourStart = Math.floor(at / HOUR) * HOUR;
  for (let i = 0; i < 8 * 24; i += 1) {
    hourStart += HOUR;
    if (!skipped(hourStart)) return hourStart + Math.min(Math.max(0, offsetMs), HOUR - 1);
  }
  return at;
}
