import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DAY_MATCH_COST } from './window-cost.js';

export const searchEnvSchema = z.object({
  /** Every search statement is cancelled after this long (a clear 400, never a stuck server). */
  SEARCH_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** Signs page cursors; set the same value on every replica. Random per process otherwise. */
  SEARCH_CURSOR_SECRET: z.string().min(16).optional(),
  /**
   * Newest matches ranked per query. At 1,000,000 documents the top 20 of 500 agree with those
   * of 2,000 at 99.3 % (200: 87.5 %, 100: 59 %), and ranking is most of a query's cost (mixed
   * load: 500 → 176–240 q/s, 200 → 296–373, 100 → 352–460).
   */
  SEARCH_CANDIDATES: z.coerce.number().int().min(100).max(100_000).default(500),
  SEARCH_HALF_LIFE_DAYS: z.coerce.number().min(0.1).max(3650).default(7),
  /**
   * Facets of a newest-first page count the newest N matches (exact below N, a recent sample
   * above); a ranked page's facets count the SEARCH_CANDIDATES it ranked, at no extra read.
   */
  SEARCH_FACET_SCAN: z.coerce.number().int().min(100).max(1_000_000).default(500),
  /**
   * `on`: page statements are prepared once per connection (named), which skips parsing them
   * again (≈ 1 ms of a ranked page's 9–11 at 1,000,000 documents); each run is still planned
   * with its values. `off` behind a pooler that cannot keep prepared statements (PgBouncer in
   * transaction mode before 1.21).
   */
  SEARCH_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  /**
   * Connections of each of the search pools (their own, so every connection carries
   * statement_timeout): one plans statements with their values, the other plans once those whose
   * plan their values cannot change.
   */
  SEARCH_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(6),
  /**
   * With the RUM index, words the planner expects in at most this many documents take their
   * newest matches from RUM; more frequent ones walk the time index (it stops sooner).
   */
  SEARCH_RUM_MAX_MATCHES: z.coerce.number().int().min(0).max(100_000_000).default(100_000),
  /**
   * Without RUM, words the planner expects in at least this share of the documents walk the
   * time index (it stops soon); rarer ones read a bitmap of their matches, in windows of recent
   * days the text index holds. At 1,000,000 documents, a relevance page (500 candidates): a
   * word in 10 % took 24–25 ms walking against 14 from windows; a word in 60 % 9.8 walking
   * against 10.8. (Before the text index held days, windows were AND-ed with the time index,
   * and 8 % was the break-even.)
   */
  SEARCH_WALK_SHARE: z.coerce.number().min(0).max(1).default(0.3),
  /**
   * The same choice for filters without words (language, topic, place, entity, feed): below
   * this share of the documents their matches come from a bitmap, in time windows. Walking the
   * time index reads total / matches rows per result, and a value the statistics do not list
   * (a small feed, a rare entity, a country no document names) is guessed at 0.5 % of the
   * documents: at 1,000,000 documents such a walk read every row, 0.4–1.2 s or the timeout.
   */
  SEARCH_FILTER_WALK_SHARE: z.coerce.number().min(0).max(1).default(0.01),
  /**
   * What each day of a window of days costs the text index, in matches read from the table:
   * where a window would name more days than that makes worth it, every match is read instead
   * (see window-cost). 0 always takes the window.
   */
  SEARCH_DAY_MATCH_COST: z.coerce.number().min(0).max(100_000).default(DAY_MATCH_COST),
  /** Sampled facet counts (more matches than the scan) are reused this long (0: never). */
  SEARCH_FACET_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /**
   * Queries whose newest SEARCH_CANDIDATES matches are kept between requests (0: none), caught
   * up before each answer with the documents indexed since (as fresh as reading the database,
   * within SEARCH_CACHE_MAX_STALENESS_MS).
   * Each holds ≈ 30 kB of candidates (500) and the display rows of its first pages: 2,000
   * filled by the search bench hold ≈ 120 MB after a collection (86 MB of heap, 35 MB of typed
   * arrays; RSS grew 140–330 MB under load). The k8s api's memory limit is 512 Mi.
   */
  SEARCH_RESULT_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(2000),
  /**
   * The cache re-reads documents indexed up to this long before its last look: an indexer
   * batch stamps indexed_at when it starts and may commit that much later.
   */
  SEARCH_CHANGE_OVERLAP_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /**
   * A cached answer may use a look at what was indexed that is this much older than the request
   * (0: every request looks itself), sparing a round trip per request; once this api has heard
   * an article indexed, no older look answers. Search is near-real-time by this much at most.
   */
  SEARCH_CACHE_MAX_STALENESS_MS: z.coerce.number().int().min(0).max(10_000).default(100),
});

export const SEARCH_ENV = Symbol('SEARCH_ENV');

export type SearchEnv = z.infer<typeof searchEnvSchema> & { cursorSecret: string };

export function searchEnv(source: NodeJS.ProcessEnv = process.env): SearchEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const env = searchEnvSchema.parse(cleaned);
  return { ...env, cursorSecret: env.SEARCH_CURSOR_SECRET ?? randomBytes(32).toString('hex') };
}
