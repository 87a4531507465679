import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { JsonLogger } from '#observability';
import { SEARCH_GIN_INDEX } from '#database';
import { LOGGER } from '#platform';
import {
  lexemeStatistics,
  tsquerySelectivity,
  unseenLexemeSelectivity,
  type LexemeStatistics,
} from './lexeme-selectivity.js';
import { isStatementTimeout, searchTimeoutError } from './search-errors.js';
import {
  queryKey,
  utcText,
  type FacetRow,
  type SearchEngine,
  type SqlQuery,
} from './search-sql.js';
import { SEARCH_ENV, type SearchEnv } from './search-env.js';
import { RefreshingCache, RefreshingValue, TtlCache } from './ttl-cache.js';
import { windowRanks } from './window-cost.js';

/** A search_documents row as the search statements select it. */
export interface HitRow {
  id: string;
  version: number;
  title: string;
  url: string | null;
  summary: string;
  language: string;
  feedId: string;
  config: string;
  topics: string[];
  places: string[];
  entities: string[];
  storyId: string | null;
  /** UTC text with microseconds (cursor and event-id precision). */
  publishedAt: string;
  indexedAt: string;
  rank: number;
  storyMatches?: string | number;
  /** Relevance and collapse: how many of the newest matches were ranked. */
  candidateCount?: number;
  /** Ranked first pages with facets, on the first row: counts over the ranked candidates. */
  facetRows?: FacetRow[] | null;
  titleHighlight?: string;
  summaryHighlight?: string;
}

export interface StoryStats {
  storyId: string;
  articles: number;
  sources: number;
  languages: string[];
}

/** The full-text index's kind, and whether it holds the days of publication. */
interface TextIndex {
  engine: SearchEngine;
  days: boolean;
}

/** Estimates kept per tsquery: words change their frequency slowly. */
const ESTIMATE_TTL_MS = 5 * 60_000;
const ESTIMATE_CACHE_SIZE = 5000;
/** The table's size and its newest documents' times move slowly enough to reuse for a while. */
const SIZE_TTL_MS = 60_000;
const BOUNDARY_TTL_MS = 30_000;
/** Ranks up to this are looked up exactly (an index-only scan of that many entries). */
const EXACT_BOUNDARY_RANK = 16_384;
/** The smallest window: a first page (20 results and one more) with the windows' slack. */
const SMALLEST_WINDOW = 42;
/**
 * Distinct statements the pool prepares at most; others run unnamed. Each connection keeps
 * those it ran, ≈ 200 kB of server memory apiece for a ranked page (CachedPlanSource and
 * CachedPlanQuery); the search bench's filter, word and ranked queries run 9 shapes.
 */
const MAX_PREPARED_STATEMENTS = 32;
/**
 * Prepared statements are still planned with their values, but for those whose plan is fixed
 * (SqlQuery.generic): a generic plan would guess a word's matches instead of reading them from
 * the lexeme statistics, and lose the choice between a bitmap of the matches and a walk of the
 * time index.
 */
const CUSTOM_PLANS = '-c plan_cache_mode=force_custom_plan';
/** Statements whose plan does not depend on their values (SqlQuery.generic): planned once. */
const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan';

/**
 * Runs search statements on its own small pool whose connections carry statement_timeout, so
 * no query can hold the database and a search is one round trip (no BEGIN/SET/COMMIT).
 */
@Injectable()
export class SearchRepository implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pools = new Map<'custom' | 'generic', pg.Pool>();
  private indexes?: Promise<TextIndex>;
  private readonly estimates = new TtlCache<number>(ESTIMATE_TTL_MS, ESTIMATE_CACHE_SIZE);
  private readonly sizes = new TtlCache<number>(SIZE_TTL_MS, 1);
  private readonly boundaries = new RefreshingCache<string | null>(BOUNDARY_TTL_MS, 64);
  private readonly histograms = new TtlCache<string[]>(SIZE_TTL_MS, 1);
  private readonly lexemes = new RefreshingValue(SIZE_TTL_MS, () => this.readLexemeStatistics());
  private readonly preparedNames = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SEARCH_ENV) private readonly env: SearchEnv,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /**
   * Looks up the boundaries of the windows up to EXACT_BOUNDARY_RANK in the background, one
   * after another, so the first searches do not wait for them: each is an index scan of up to
   * that many entries (1–9 ms at a million documents), and about one search in twenty of the
   * first few hundred was waiting for one. Later they are refreshed in the background.
   */
  onApplicationBootstrap(): void {
    this.prefetchWindowBoundaries().catch((error: unknown) =>
      this.logger.warn('search window boundaries not looked up at start', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }

  async prefetchWindowBoundaries(): Promise<void> {
    for (const rank of windowRanks(SMALLEST_WINDOW, EXACT_BOUNDARY_RANK)) {
      await this.newestBoundary(rank);
    }
  }

  /** 'rum' when the search-rum migration created the RUM index; looked up once. */
  async searchEngine(): Promise<SearchEngine> {
    return (await this.textIndex()).engine;
  }

  /**
   * Whether the GIN text index holds the documents' days of publication and
   * search_published_days exists (the published-days migration): windows then name their days.
   * Looked up once.
   */
  async windowsByDay(): Promise<boolean> {
    return (await this.textIndex()).days;
  }

  /** Runs the statements concurrently (each on its own connection); rows in the same order. */
  async run<T>(...queries: SqlQuery[]): Promise<T[][]> {
    return Promise.all(queries.map((query) => this.rows<T>(query)));
  }

  async one<T>(query: SqlQuery): Promise<T[]> {
    return this.rows<T>(query);
  }

  /** The planner's row estimate for an EXPLAIN (FORMAT JSON) statement, cached per statement. */
  estimate(query: SqlQuery): Promise<number> {
    return this.estimates.through(queryKey(query), async () => {
      const [row] = await this.rows<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(query);
      return row?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY;
    });
  }

  /** The planner's count of search documents (reltuples; 0 before the first ANALYZE). */
  documentCount(): Promise<number> {
    return this.sizes.through('', async () => {
      const [row] = await this.rows<{ rows: number }>({
        text: `SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = 'search_documents'::regclass`,
        values: [],
      });
      return Number(row?.rows ?? 0);
    });
  }

  /**
   * The planner's estimate of a tsquery's matches over all documents, and of one lexeme below
   * the statistics, computed from ANALYZE's lexeme statistics without an EXPLAIN (see
   * lexeme-selectivity); undefined before the first ANALYZE or for text it cannot read.
   */
  async wordEstimates(tsquery: string): Promise<{ matches: number; unseen: number } | undefined> {
    const [stats, total] = await Promise.all([this.lexemes.get(), this.documentCount()]);
    const share = stats ? tsquerySelectivity(tsquery, stats) : undefined;
    if (!stats || share === undefined) return undefined;
    const rows = (selectivity: number) => Math.max(1, Math.round(selectivity * total));
    return { matches: rows(share), unseen: rows(unseenLexemeSelectivity(stats)) };
  }

  /**
   * ANALYZE's most common lexemes of the text column (10,000 at its statistics target: 5–25 ms to
   * read): reloaded in the background once a minute old, never awaited by a search but the first.
   */
  private async readLexemeStatistics(): Promise<LexemeStatistics | null> {
    const [row] = await this.rows<{
      elements: string[] | null;
      frequencies: number[] | null;
      nulls: number;
    }>({
      text: `SELECT most_common_elems::text::text[] AS elements, most_common_elem_freqs AS frequencies,
                    null_frac::float8 AS nulls
               FROM pg_stats WHERE schemaname = current_schema()
                AND tablename = 'search_documents' AND attname = 'document'`,
      values: [],
    });
    if (!row?.elements || !row.frequencies) return null;
    return lexemeStatistics(row.elements, row.frequencies.map(Number), Number(row.nulls)) ?? null;
  }

  /**
   * The published time of about the `rank`-th newest document (null when there are fewer): only
   * a window's width depends on it, never which matches a window returns, so it is reloaded in
   * the background once BOUNDARY_TTL_MS old while searches use the last one (an exact lookup of
   * the 16,384th newest took 1.9 ms of a 3-ms search). Small ranks are looked up exactly; large
   * ones read ANALYZE's histogram of published_at instead of scanning that many index entries
   * (half a million took tens of milliseconds).
   */
  newestBoundary(rank: number): Promise<string | null> {
    return this.boundaries.get(String(rank), async () => {
      const estimated = rank > EXACT_BOUNDARY_RANK ? await this.histogramBoundary(rank) : undefined;
      return estimated === undefined ? await this.exactBoundary(rank) : estimated;
    });
  }

  /**
   * How many days a window from `since` names (search-sql's windowDaysSql): the calendar days
   * from its first to the newest document's, at most tomorrow; counted here, from the newest
   * document's time as last looked up, rather than asked of the database on a search's way.
   * Days a feed dates beyond tomorrow are left out: they are few, and only the window's cost is
   * weighed by this count.
   */
  async windowDays(since: string, now = Date.now()): Promise<number> {
    const newest = await this.newestBoundary(1);
    if (newest === null) return 0;
    const last = Math.min(utcDay(Date.parse(newest)), utcDay(now) + 1);
    return Math.max(0, last - utcDay(Date.parse(since)) + 1);
  }

  private async exactBoundary(rank: number): Promise<string | null> {
    const [row] = await this.rows<{ time: string }>({
      text: `SELECT ${utcText('published_at')} AS time
               FROM search_documents ORDER BY published_at DESC, article_id DESC OFFSET $1 LIMIT 1`,
      values: [rank - 1],
    });
    return row?.time ?? null;
  }

  /**
   * The histogram's bounds split the documents into equal counts, oldest first: the rank-th
   * newest lies in one bucket, at a time interpolated between its bounds (documents arrive at a
   * steady rate within a bucket; the bucket's own bound made windows up to a bucket too wide).
   * Undefined when there is no histogram yet.
   */
  private async histogramBoundary(rank: number): Promise<string | null | undefined> {
    const bounds = await this.histograms.through('', async () => {
      const [row] = await this.rows<{ bounds: string[] | null }>({
        text: `SELECT ARRAY(SELECT ${utcText('b')} FROM unnest(histogram_bounds::text::timestamptz[]) b) AS bounds
                 FROM pg_stats WHERE schemaname = current_schema()
                  AND tablename = 'search_documents' AND attname = 'published_at'`,
        values: [],
      });
      return row?.bounds ?? [];
    });
    return boundaryFromHistogram(bounds, await this.documentCount(), rank);
  }

  async storyStats(storyIds: string[]): Promise<Map<string, StoryStats>> {
    if (storyIds.length === 0) return new Map();
    const rows = await this.one<StoryStats>({
      text: `SELECT story_id AS "storyId", count(*)::int AS articles,
                    count(DISTINCT feed_id)::int AS sources, array_agg(DISTINCT language) AS languages
               FROM search_documents WHERE story_id = ANY($1::uuid[]) GROUP BY story_id`,
      values: [storyIds],
    });
    return new Map(rows.map((row) => [row.storyId, row]));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.end()));
  }

  private async rows<T>(query: SqlQuery): Promise<T[]> {
    try {
      const statement = this.statement(query);
      const plans = statement.name && query.generic ? 'generic' : 'custom';
      const result = await this.connections(plans).query(statement);
      return result.rows as T[];
    } catch (error) {
      if (isStatementTimeout(error)) throw searchTimeoutError(this.env.SEARCH_STATEMENT_TIMEOUT_MS);
      throw error;
    }
  }

  /** The statement as pg runs it: named (prepared once per connection) where worth it. */
  private statement(query: SqlQuery): pg.QueryConfig {
    const unnamed = { text: query.text, values: query.values };
    if (!query.prepare || this.env.SEARCH_PREPARED_STATEMENTS === 'off') return unnamed;
    const prefix = query.generic ? 'search_generic' : 'search';
    const name = `${prefix}_${createHash('sha1').update(query.text).digest('hex').slice(0, 24)}`;
    if (!this.preparedNames.has(name)) {
      if (this.preparedNames.size >= MAX_PREPARED_STATEMENTS) return unnamed;
      this.preparedNames.add(name);
    }
    return { ...unnamed, name };
  }

  /**
   * The pool whose connections plan prepared statements with their values ('custom'), or once
   * ('generic'): plan_cache_mode is a connection's setting, so each kind has its own pool of
   * SEARCH_POOL_SIZE, created on first use (idle connections close after 10 s).
   */
  private connections(plans: 'custom' | 'generic'): pg.Pool {
    const existing = this.pools.get(plans);
    if (existing) return existing;
    const pool = new pg.Pool({
      connectionString: databaseUrl(this.dataSource),
      max: this.env.SEARCH_POOL_SIZE,
      statement_timeout: this.env.SEARCH_STATEMENT_TIMEOUT_MS,
      options: plans === 'generic' ? GENERIC_PLANS : CUSTOM_PLANS,
      application_name: 'newsfeed-search',
    });
    // An idle connection the server drops (restart, failover, pg_terminate_backend) is reported
    // on the pool; without a listener Node treats it as uncaught and the whole api exits.
    pool.on('error', (error) =>
      this.logger.warn('search connection lost while idle; the pool replaces it', {
        error: error.message,
      }),
    );
    this.pools.set(plans, pool);
    return pool;
  }

  /** What the migrations made of the text index, looked up once (again after a failure). */
  private textIndex(): Promise<TextIndex> {
    this.indexes ??= this.detectTextIndex().catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  private async detectTextIndex(): Promise<TextIndex> {
    const [row] = await this.rows<{ rum: boolean; days: boolean }>({
      text: `SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'search_documents'
                              AND indexdef ILIKE '% USING rum %') AS rum,
                    EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'search_documents'
                              AND indexname = $1
                              AND indexdef LIKE '%published_at AT TIME ZONE%')
                AND to_regprocedure('search_published_days(timestamptz)') IS NOT NULL AS days`,
      values: [SEARCH_GIN_INDEX],
    });
    return { engine: row?.rum ? 'rum' : 'gin', days: row?.days === true };
  }
}

/**
 * When the `rank`-th newest of `total` documents was published, read off a histogram (bounds
 * oldest first, equal counts between them) by interpolating within its bucket; null past the
 * oldest, undefined without a histogram.
 */
export function boundaryFromHistogram(
  bounds: readonly string[],
  total: number,
  rank: number,
): string | null | undefined {
  if (bounds.length < 2 || total <= 0) return undefined;
  if (rank >= total) return null;
  const position = (1 - rank / total) * (bounds.length - 1);
  const index = Math.floor(position);
  const lower = Date.parse(bounds[index]!);
  const upper = Date.parse(bounds[Math.min(index + 1, bounds.length - 1)]!);
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return bounds[index];
  return new Date(lower + (position - index) * (upper - lower)).toISOString();
}

const DAY_MS = 86_400_000;
/** A time's UTC day, as days since 1970-01-01. */
const utcDay = (ms: number) => Math.floor(ms / DAY_MS);

function databaseUrl(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error('search needs the data source to be configured with a url');
  return url;
}
