/**
 * SEARCH_DAY_MATCH_COST's default. Where windows name their days: what each day of a window
 * costs the GIN scan (stepping through that day's postings beside the words'), in matches read
 * from the table. Measured at 1,000,000 documents (2,740 a day), the newest 500 of a word: with
 * 2,000–3,600 matches, a window of 191 days took 19–28 ms against 8–12 ms reading every match;
 * with 4,000–5,000, 96 days took 14–16 against 12–13; with 9,000–17,000, 48 days took 14–19
 * against 27–36.
 */
export const DAY_MATCH_COST = 32;

/**
 * Whether a window naming `windowDays` days, expected to hold `windowMatches`, costs more than
 * reading all `wordMatches`, a day costing `dayCost` matches.
 */
export function daysCostMore(
  windowDays: number,
  windowMatches: number,
  wordMatches: number,
  dayCost = DAY_MATCH_COST,
): boolean {
  return windowMatches + dayCost * Math.max(1, windowDays) >= wordMatches;
}

/**
 * The planner's estimate of a word's matches without what its unseen variants add. A word is
 * searched as the OR of its stems in every configuration ('gajecagi' | 'gajecag' | 'gajeca'),
 * and each stem below the lexeme statistics counts as `unseen` matches, however few it has: a
 * word with 950 matches was estimated at 4,487 (four stems of 1,124), so its first window held
 * a quarter of what it needed and a second, sixteen times wider, followed. Of `alternatives`
 * stems, all but one floor are dropped: unseen stems count `unseen` together, or nothing beside
 * a stem the statistics know. Stems are nearly disjoint (each document is stemmed one way).
 */
export function correctedEstimate(estimate: number, alternatives: number, unseen: number): number {
  if (alternatives <= 1 || unseen <= 0) return estimate;
  return Math.max(Math.min(estimate, unseen), estimate - (alternatives - 1) * unseen);
}

/** Window sizes are powers of √2: close to what is asked, few enough to cache their boundaries. */
export function windowRank(documents: number): number {
  return rankOfStep(stepOf(documents));
}

/** The step of √2's powers that holds `documents`, and a step's window size. */
const stepOf = (documents: number) => Math.ceil(2 * Math.log2(Math.max(2, documents)));
const rankOfStep = (step: number) => Math.round(Math.SQRT2 ** step);

/** Every window size from `from` to `to` documents (windowRank's steps), smallest first. */
export function windowRanks(from: number, to: number): number[] {
  const ranks: number[] = [];
  for (let step = stepOf(from); rankOfStep(step) <= to; step++) ranks.push(rankOfStep(step));
  return ranks;
}

/**
 * The next window after one of `rank` documents held `found` of the `needed` matches: sized by
 * the rate that window saw (with the same slack as the first), at least twice and at most
 * `maxGrowth` times wider. A first window falls short mostly because a word's estimate was
 * high; growing by the rate it saw reads about what is needed, where a fixed sixteenfold step
 * read up to eight times that.
 */
export function nextWindowRank(
  rank: number,
  found: number,
  needed: number,
  slack: number,
  maxGrowth: number,
): number {
  const growth = found > 0 ? (needed * slack) / found : maxGrowth;
  return windowRank(rank * Math.min(maxGrowth, Math.max(2, growth)));
}
