/**
 * Where windows name their days: what each day of a window costs the GIN scan (stepping through
 * that day's postings beside the words'), in matches read from the table. Measured at 1,000,000
 * documents (2,740 a day), the newest 500 of a word: with 2,000–3,600 matches, a window of 191
 * days took 19–28 ms against 8–12 ms reading every match; with 4,000–5,000, 96 days took 14–16
 * against 12–13; with 9,000–17,000, 48 days took 14–19 against 27–36.
 */
export const DAY_MATCH_COST = 32;
const DAY_MS = 86_400_000;

/**
 * Whether a window of days from `since`, expected to hold `windowMatches`, costs more than
 * reading all `wordMatches`. Future-dated documents add a few days at most.
 */
export function daysCostMore(
  since: string,
  windowMatches: number,
  wordMatches: number,
  now = Date.now(),
): boolean {
  const spanDays = Math.max(1, (now - Date.parse(since)) / DAY_MS);
  return windowMatches + DAY_MATCH_COST * spanDays >= wordMatches;
}
