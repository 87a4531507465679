import { Inject, Injectable } from '@nestjs/common';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { markUnspaced } from './highlight.js';
import {
  createCursorCodec,
  hasFilters,
  parseSearchRequest,
  positiveTerms,
  searchContext,
  SearchInputError,
  type CursorCodec,
  type RawParams,
  type SearchCursor,
  type SearchFilters,
  type SearchRequest,
  type SearchRequestOptions,
} from './query/index.js';
import { SEARCH_ENV, type SearchEnv } from './search-env.js';
import { SearchRepository, type HitRow, type StoryStats } from './search.repository.js';
import type { CandidateRow } from './cache/candidate-set.js';
import { ChangeFeed } from './cache/change-feed.js';
import { changeJudge } from './cache/filter-match.js';
import { ResultCache, searchCacheRequests, type CachedQuery } from './cache/result-cache.js';
import {
  buildCandidateSql,
  buildCandidatesByIdSql,
  buildHitsByIdSql,
  buildEstimateSql,
  buildMatchSql,
  buildPageSql,
  buildReplaySql,
  buildMatchEstimateSql,
  buildTsquerySql,
  buildUnseenLexemeEstimateSql,
  chooseNewestSource,
  dedupeTsquery,
  loneLexemeAlternatives,
  queryKey,
  ranksByRelevance,
  type FacetRow,
  type SearchSqlOptions,
} from './search-sql.js';
import { TtlCache } from './ttl-cache.js';
import { correctedEstimate, daysCostMore, nextWindowRank, windowRank } from './window-cost.js';

export interface SearchItem {
  id: string;
  version: number;
  title: string;
  url: string | null;
  summary: string;
  language: string;
  feedId: string;
  publishedAt: string;
  indexedAt: string;
  rank: number;
  storyId: string | null;
  topics: string[];
  places: string[];
  entities: string[];
  /** HTML: the text escaped, matched words in <mark>. */
  highlights?: { title: string; summary: string };
  /** With collapse=story: the story this result stands for. */
  story?: {
    id: string | null;
    matches: number;
    articles: number;
    sources: number;
    languages: string[];
  };
}

export interface FacetCount {
  value: string;
  label?: string;
  count: number;
}

export interface Facets {
  /** Matches counted; `sampled` when more matched and the newest ones were counted. */
  counted: number;
  sampled: boolean;
  languages: FacetCount[];
  topics: FacetCount[];
  places: FacetCount[];
  feeds: FacetCount[];
}

export interface SearchPage {
  items: SearchItem[];
  nextCursor: string | null;
  facets?: Facets;
}

const FACET_TOP = 20;
/** A query's tsquery text depends only on its words and configurations: kept an hour. */
const TSQUERY_TTL_MS = 3_600_000;
const TSQUERY_CACHE_SIZE = 10_000;
/** A window is sized to hold this many times the matches needed (estimates are rough). */
const WINDOW_SLACK = 2;
/** How much wider a window that held no match at all makes the next (see nextWindowRank). */
const WINDOW_GROWTH = 16;
/**
 * Where windows come from the time index (no days in the text index): what AND-ing one of its
 * documents into a window costs, relative to reading one match: a window spans
 * ~ WINDOW_SLACK × needed × total / estimate documents, reading every match costs ~ estimate.
 * Measured at 1,000,000 documents with 500 needed, the two meet near 8,000 estimated matches
 * (3,000–6,000 real ones): rarer words read 5–12 ms without a window against 12–26 with one
 * (often two, the estimate being high for rare words).
 */
const WINDOW_ROW_COST = 1 / 16;
/** Changes the change feed lists per read and remembers for cached queries catching up. */
const MAX_CHANGES_PER_READ = 5000;
const CHANGES_RETAINED = 50_000;
/** Of those, the newest whose documents are kept (≈ 2 kB each): a minute at 100 documents/s. */
const DOCUMENTS_RETAINED = 6000;

type Newest = { bitmap?: boolean; window?: string; days?: boolean };
/** The matches a ranked or faceted statement counted in its window (up to its candidates). */
const candidatesFound = (rows: HitRow[]) => rows[0]?.candidateCount ?? 0;
const NO_FILTERS: SearchFilters = { lang: [], topic: [], place: [], entity: [], feed: [] };
/**
 * `estimate`: matches the planner expects, a word's stems its statistics do not list counted
 * once (see correctedEstimate). With filters, `wordMatches` is what it expects of the words
 * alone: reading every match reads those (filtered on the way), and a window is sized by them,
 * the planner taking words and filters as independent when they seldom are (a French word is
 * mostly in French articles: sized by the estimate, its windows read 5× too much).
 */
type BitmapPlan = { estimate: number; total: number; wordMatches: number; days: boolean };
/** The feed-id shape of this schema (uuid): anything else would make PostgreSQL fail the cast. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Search over search_documents: parsing, paging, ranking, facets, matching for delivery. */
@Injectable()
export class SearchService {
  private readonly codec: CursorCodec;
  private readonly sqlOptions: SearchSqlOptions;
  /** Facets of the newest matches move slowly: recomputing them per request is most of its cost. */
  private readonly facetCache: TtlCache<FacetRow[]>;
  private readonly tsqueries = new TtlCache<string>(TSQUERY_TTL_MS, TSQUERY_CACHE_SIZE);
  private readonly results: ResultCache;
  private readonly changes: ChangeFeed;
  private readonly facetsOfCounts = new WeakMap<FacetRow[], { scan: number; facets: Facets }>();

  constructor(
    private readonly repository: SearchRepository,
    private readonly taxonomy: Taxonomy,
    @Inject(SEARCH_ENV) private readonly env: SearchEnv,
  ) {
    this.codec = createCursorCodec(env.cursorSecret);
    this.sqlOptions = {
      candidates: env.SEARCH_CANDIDATES,
      halfLifeDays: env.SEARCH_HALF_LIFE_DAYS,
    };
    this.facetCache = new TtlCache(env.SEARCH_FACET_CACHE_MS, 1000);
    this.changes = new ChangeFeed((query) => repository.one(query), {
      overlapMs: env.SEARCH_CHANGE_OVERLAP_MS,
      maxChanges: MAX_CHANGES_PER_READ,
      retained: CHANGES_RETAINED,
      documentsRetained: DOCUMENTS_RETAINED,
      maxStalenessMs: env.SEARCH_CACHE_MAX_STALENESS_MS,
    });
    this.results = new ResultCache(this.changes, env.SEARCH_RESULT_CACHE_ENTRIES);
  }

  /** Articles were indexed: the next cached answer looks at the change feed first. */
  articlesIndexed(): void {
    this.changes.expire();
  }

  /**
   * A feed was removed with its search documents: the change feed never sees a deletion, so
   * cached answers and facet counts are dropped rather than caught up.
   */
  feedRemoved(): void {
    this.results.clear();
    this.facetCache.clear();
  }

  /** Validates query parameters against the real vocabularies; throws SearchInputError. */
  parse(params: RawParams, options: Omit<SearchRequestOptions, 'vocabulary'> = {}): SearchRequest {
    return parseSearchRequest(params, {
      ...options,
      vocabulary: {
        topics: this.taxonomy.topicCodes,
        places: this.taxonomy.cityCodes,
        placesNamed: (name) => this.taxonomy.placesNamed(name),
        entitiesNamed: (name) => this.taxonomy.entitiesNamed(name),
        feedId: UUID,
      },
    });
  }

  async page(request: SearchRequest, options: { facets?: boolean } = {}): Promise<SearchPage> {
    const cursor = this.decodeCursor(request);
    const withFacets = options.facets === true && !cursor;
    const [rumNewest, resolved] = await Promise.all([
      this.rumNewest(request),
      this.resolveTsquery(request),
    ]);
    const newest = { rumNewest, resolved };
    const cached = await this.cachedPage(request, cursor, withFacets, newest);
    if (cached) return cached;
    const plan = await this.bitmapPlan(request, resolved, rumNewest);
    const ranked = request.sort === 'relevance' || request.collapse;
    if (ranked) return this.rankedPage(request, cursor, plan, newest, withFacets);
    if (withFacets) return this.newestWithFacets(request, plan, newest);
    const rows = await this.newestRows(request, cursor, plan, newest);
    return this.toPage(request, rows, { stories: false });
  }

  /**
   * A ranked page (relevance or collapse=story) from the newest SEARCH_CANDIDATES matches. Its
   * facets count those candidates: sampled counts are cached like a newest-first page's (the
   * same key when SEARCH_FACET_SCAN is SEARCH_CANDIDATES), and while they are, the statement
   * ranks without counting (≈ 1 ms of a word's ranked page at a million documents).
   */
  private async rankedPage(
    request: SearchRequest,
    cursor: SearchCursor | undefined,
    plan: BitmapPlan | undefined,
    newest: { rumNewest: boolean; resolved?: string },
    withFacets: boolean,
  ): Promise<SearchPage> {
    const candidates = this.env.SEARCH_CANDIDATES;
    const key = withFacets ? this.facetKey(request, newest, candidates) : undefined;
    const cachedFacets = key === undefined ? undefined : this.facetCache.get(key);
    const rows = await this.windowed(plan, candidates, (how) =>
      this.pageRows(
        request,
        cursor,
        { ...newest, ...how, facets: withFacets && !cachedFacets },
        candidatesFound,
      ),
    );
    const facetRows = cachedFacets ?? rows[0]?.facetRows ?? [];
    if (key !== undefined && !cachedFacets && totalOf(facetRows) >= candidates) {
      this.facetCache.set(key, facetRows);
    }
    return this.toPage(request, rows, {
      stories: request.collapse === 'story',
      facets: withFacets ? this.cachedFacetsOf(facetRows, candidates) : undefined,
    });
  }

  /** The facet cache's key: the newest `scan` matches of the request's words and filters. */
  private facetKey(
    request: SearchRequest,
    newest: { rumNewest: boolean; resolved?: string },
    scan: number,
  ): string {
    const matches: SearchRequest = { ...request, sort: 'newest', collapse: undefined };
    return `facets ${scan} ${queryKey(buildCandidateSql(matches, { ...this.sqlOptions, ...newest }))}`;
  }

  /**
   * A newest-first first page with its facets over the newest SEARCH_FACET_SCAN matches: the
   * page alone where those counts are cached (they move slowly), else both from one read of
   * those matches (two statements read them twice: a word's page and facets at a million
   * documents cost 7.8 + 15.1 ms).
   */
  private async newestWithFacets(
    request: SearchRequest,
    plan: BitmapPlan | undefined,
    newest: { rumNewest: boolean; resolved?: string },
  ): Promise<SearchPage> {
    const scan = this.env.SEARCH_FACET_SCAN;
    const key = this.facetKey(request, newest, scan);
    const cached = this.facetCache.get(key);
    if (cached) {
      const rows = await this.newestRows(request, undefined, plan, newest);
      return this.toPage(request, rows, {
        stories: false,
        facets: this.cachedFacetsOf(cached, scan),
      });
    }
    const rows = await this.windowed(plan, scan, (how) =>
      this.pageRows(
        request,
        undefined,
        { ...newest, ...how, facets: true, candidates: scan },
        candidatesFound,
      ),
    );
    const facetRows = rows[0]?.facetRows ?? [];
    // Only samples are reused: exact counts (fewer matches than the scan) must show new articles.
    if (totalOf(facetRows) >= scan) this.facetCache.set(key, facetRows);
    return this.toPage(request, rows, {
      stories: false,
      facets: this.cachedFacetsOf(facetRows, scan),
    });
  }

  /** A newest-first page's rows (limit + 1), from windows that must hold that many. */
  private newestRows(
    request: SearchRequest,
    cursor: SearchCursor | undefined,
    plan: BitmapPlan | undefined,
    newest: { rumNewest: boolean; resolved?: string },
  ): Promise<HitRow[]> {
    return this.windowed(plan, request.limit + 1, (how) =>
      this.pageRows(request, cursor, { ...newest, ...how }, (rows) => rows.length),
    );
  }

  /** The page's items (limit + 1 rows: the extra one says there is a next page) and cursor. */
  private async toPage(
    request: SearchRequest,
    rows: HitRow[],
    extra: { stories: boolean; facets?: Facets },
  ): Promise<SearchPage> {
    const page = rows.slice(0, request.limit);
    const stories = extra.stories
      ? await this.repository.storyStats(page.flatMap((row) => (row.storyId ? [row.storyId] : [])))
      : undefined;
    const terms = request.query.ast ? positiveTerms(request.query.ast) : [];
    const last = page[page.length - 1];
    return {
      items: page.map((row) => this.toItem(row, terms, stories)),
      nextCursor: rows.length > request.limit && last ? this.encodeCursor(request, last) : null,
      facets: extra.facets,
    };
  }

  /**
   * A page read from the result cache (see cache/result-cache), or undefined where it cannot
   * answer: collapse=story, or newest-first pages past the newest matches it keeps.
   */
  private async cachedPage(
    request: SearchRequest,
    cursor: SearchCursor | undefined,
    withFacets: boolean,
    { rumNewest, resolved }: { rumNewest: boolean; resolved?: string },
  ): Promise<SearchPage | undefined> {
    if (!this.results.enabled || request.collapse) return undefined;
    const relevance = ranksByRelevance(request);
    const capacity = this.env.SEARCH_CANDIDATES;
    const scan = relevance ? capacity : this.env.SEARCH_FACET_SCAN;
    if (withFacets && scan > capacity) return undefined;
    // Newest-first and relevance pages of the same words and filters share one set: it keeps
    // every candidate's relevance score, and newest-first pages read it in time order.
    const shared: SearchRequest = request.query.ast ? { ...request, sort: 'relevance' } : request;
    const { entry, outcome } = await this.results.current(
      queryKey(buildCandidateSql(shared, { ...this.sqlOptions, resolved })),
      capacity,
      this.candidateLoader(shared, resolved, rumNewest),
    );
    const rows = entry.set.page(relevance ? 'relevance' : 'newest', cursor, request.limit + 1);
    const facetRows = withFacets ? entry.set.facets(scan) : undefined;
    if (!rows || (withFacets && !facetRows)) {
      searchCacheRequests.inc({ outcome: 'bypassed' });
      return undefined;
    }
    searchCacheRequests.inc({ outcome });
    const hits = await this.cachedHits(entry, rows, resolved, relevance);
    return this.toPage(request, hits, {
      stories: false,
      facets: facetRows ? this.cachedFacetsOf(facetRows, scan) : undefined,
    });
  }

  private candidateLoader(
    request: SearchRequest,
    resolved: string | undefined,
    rumNewest: boolean,
  ) {
    const options = { ...this.sqlOptions, resolved, rumNewest };
    const capacity = this.env.SEARCH_CANDIDATES;
    return {
      build: async () => {
        const plan = await this.bitmapPlan(request, resolved, rumNewest);
        return this.windowed(plan, capacity, async (how) => {
          const query = buildCandidateSql(request, { ...options, ...how });
          const rows = await this.repository.one<CandidateRow>(query);
          return { rows, found: rows.length };
        });
      },
      reread: (ids: string[]) =>
        this.repository.one<CandidateRow>(buildCandidatesByIdSql(request, options, ids)),
      judge: changeJudge(request.filters, request.query.ast ? (resolved ?? '') : undefined),
    };
  }

  /** The candidates' display rows (highlighted), carrying the candidates' scores. */
  private async cachedHits(
    entry: CachedQuery,
    rows: CandidateRow[],
    resolved: string | undefined,
    relevance: boolean,
  ): Promise<HitRow[]> {
    const hits = await this.results.hits(
      entry,
      rows.map((row) => row.id),
      (missing) => this.hitsById(missing, resolved),
    );
    // Newest-first pages carry no score, as the database's do.
    if (!relevance) return hits.map((hit) => ({ ...hit, rank: 0 }));
    const rank = new Map(rows.map((row) => [row.id, row.rank]));
    return hits.map((hit) => ({ ...hit, rank: rank.get(hit.id) ?? 0 }));
  }

  /**
   * Display rows by id. Without words nothing is highlighted and a hit is the document as the
   * change feed read it, which it keeps for recently indexed articles: the new first rows of a
   * newest-first filter are not read again.
   */
  private async hitsById(ids: string[], resolved: string | undefined): Promise<HitRow[]> {
    const known =
      resolved === undefined ? ids.flatMap((id) => this.changes.documentOf(id)?.hit ?? []) : [];
    const knownIds = new Set(known.map((hit) => hit.id));
    const rest = ids.filter((id) => !knownIds.has(id));
    if (rest.length === 0) return known;
    return [...known, ...(await this.repository.one<HitRow>(buildHitsByIdSql(resolved, rest)))];
  }

  /** Which of these freshly indexed articles match the request. */
  async matching(request: SearchRequest, articleIds: readonly string[]): Promise<SearchItem[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.repository.one<HitRow>(buildMatchSql(request, articleIds));
    return rows.map((row) => this.toItem(row, []));
  }

  /** Matches indexed after a stream position, oldest first. */
  async after(
    request: SearchRequest,
    position: { indexedAt: string; id: string },
    limit: number,
  ): Promise<SearchItem[]> {
    const rows = await this.repository.one<HitRow>(buildReplaySql(request, position, limit));
    return rows.map((row) => this.toItem(row, []));
  }

  /** Whether this request's newest matches come from the RUM index (see chooseNewestSource). */
  private async rumNewest(request: SearchRequest): Promise<boolean> {
    const engine = await this.repository.searchEngine();
    const estimateSql = engine === 'rum' ? buildEstimateSql(request) : undefined;
    if (!estimateSql) return false;
    const estimate = await this.repository.estimate(estimateSql);
    return chooseNewestSource(engine, estimate, this.env.SEARCH_RUM_MAX_MATCHES);
  }

  /** The request's tsquery as deduplicated text (undefined without words), cached. */
  private async resolveTsquery(request: SearchRequest): Promise<string | undefined> {
    const query = buildTsquerySql(request);
    if (!query) return undefined;
    return this.tsqueries.through(queryKey(query), async () => {
      const [row] = await this.repository.one<{ q: string | null }>(query);
      return dedupeTsquery(row?.q ?? '');
    });
  }

  /**
   * On the GIN path, for words the planner expects in under SEARCH_WALK_SHARE of the documents:
   * their estimated matches and the documents, for `windowed`; without words, `filterPlan`'s.
   * Undefined otherwise (the planner's own choice: RUM, or a word frequent enough to walk the
   * time index).
   */
  private async bitmapPlan(
    request: SearchRequest,
    resolved: string | undefined,
    rumNewest: boolean,
  ): Promise<BitmapPlan | undefined> {
    if (rumNewest) return undefined;
    if (resolved === undefined) return this.filterPlan(request);
    if ((await this.repository.searchEngine()) !== 'gin') return undefined;
    const filtered = hasFilters(request.filters);
    const [local, total, days] = await Promise.all([
      this.repository.wordEstimates(resolved),
      this.repository.documentCount(),
      this.repository.windowsByDay(),
    ]);
    const [planned, plannedWords, unseen] = await Promise.all([
      !filtered && local ? local.matches : this.planned(request, resolved),
      filtered
        ? (local?.matches ?? this.planned({ ...request, filters: NO_FILTERS }, resolved))
        : undefined,
      local?.unseen ?? this.repository.estimate(buildUnseenLexemeEstimateSql()),
    ]);
    const words = plannedWords ?? planned;
    const wordMatches = correctedEstimate(words, loneLexemeAlternatives(resolved), unseen);
    const estimate = planned * (wordMatches / Math.max(words, 1));
    if (total > 0 && estimate >= total * this.env.SEARCH_WALK_SHARE) return undefined;
    return { estimate, total, wordMatches: Math.max(estimate, wordMatches), days };
  }

  /** The planner's estimate of the request's matches (EXPLAIN: filters need the planner). */
  private planned(request: SearchRequest, resolved: string): Promise<number> {
    return this.repository.estimate(buildMatchEstimateSql(request, resolved));
  }

  /**
   * Without words, for membership filters (language, topic, place, entity, feed) the planner
   * expects in under SEARCH_FILTER_WALK_SHARE of the documents: their matches are read from a
   * bitmap of the filters' indexes instead of walking the time index. The share leaves out a
   * time range: the walk reads about needed / share rows whatever the range, so a common
   * language in the last days walks (≈ 140 rows) rather than reading its 2,000 matches.
   * Undefined otherwise.
   */
  private async filterPlan(request: SearchRequest): Promise<BitmapPlan | undefined> {
    const { since, until, ...membership } = request.filters;
    if (!hasFilters(membership)) return undefined;
    const untimed = { ...request, filters: membership };
    const timed = since !== undefined || until !== undefined;
    const [matches, estimate, total] = await Promise.all([
      this.repository.estimate(buildMatchEstimateSql(untimed)),
      timed ? this.repository.estimate(buildMatchEstimateSql(request)) : undefined,
      this.repository.documentCount(),
    ]);
    if (total === 0 || matches >= total * this.env.SEARCH_FILTER_WALK_SHARE) return undefined;
    // Time-index windows: a filter value no document has empties the AND of bitmaps at once,
    // where a window of days still read the days' postings (a place no document has: 0.8 ms
    // per window from the time index, 9.6 from days).
    return { estimate: estimate ?? matches, total, wordMatches: matches, days: false };
  }

  /**
   * Without a plan, runs `query` once. With one, runs it on a bitmap of the matches (see
   * newestWithin in search-sql): first inside windows of the newest documents sized to hold
   * `needed` matches, each sized by the rate of matches the last one held when it fell short
   * (nextWindowRank), then over all of them
   * (at once where reading every match costs less than a time-index window, see
   * WINDOW_ROW_COST, or than a window of days, see window-cost).
   */
  private async windowed<T>(
    plan: BitmapPlan | undefined,
    needed: number,
    query: (newest: Newest) => Promise<{ rows: T; found: number }>,
  ): Promise<T> {
    if (!plan) return (await query({})).rows;
    const { estimate, total, wordMatches, days } = plan;
    const windowRows = (needed * WINDOW_SLACK * total) / Math.max(wordMatches, 1);
    const readEveryMatch = !days && windowRows * WINDOW_ROW_COST >= wordMatches;
    if (estimate > needed * WINDOW_SLACK && !readEveryMatch) {
      let rank = windowRank(windowRows);
      while (rank < total) {
        const window = await this.repository.newestBoundary(rank);
        if (!window) break;
        if (days && (await this.windowDaysCostMore(window, rank, plan))) break;
        const result = await query({ bitmap: true, window, days });
        if (result.found >= needed) return result.rows;
        rank = nextWindowRank(rank, result.found, needed, WINDOW_SLACK, WINDOW_GROWTH);
      }
    }
    return (await query({ bitmap: true })).rows;
  }

  /** Whether the window of days from `since` costs more than reading every match (window-cost). */
  private async windowDaysCostMore(
    since: string,
    rank: number,
    plan: BitmapPlan,
  ): Promise<boolean> {
    const windowMatches = (rank * plan.wordMatches) / plan.total;
    const windowDays = await this.repository.windowDays(since);
    return daysCostMore(
      windowDays,
      windowMatches,
      plan.wordMatches,
      this.env.SEARCH_DAY_MATCH_COST,
    );
  }

  /** A page's rows, and how many matches `found` counts in them (all a short window held). */
  private async pageRows(
    request: SearchRequest,
    cursor: SearchCursor | undefined,
    options: Newest & {
      rumNewest: boolean;
      resolved?: string;
      facets?: boolean;
      candidates?: number;
    },
    found: (rows: HitRow[]) => number,
  ): Promise<{ rows: HitRow[]; found: number }> {
    const rows = await this.repository.one<HitRow>(
      buildPageSql(request, cursor, { ...this.sqlOptions, ...options }),
    );
    return { rows, found: found(rows) };
  }

  private decodeCursor(request: SearchRequest): SearchCursor | undefined {
    if (!request.cursor) return undefined;
    const cursor = this.codec.decode(request.cursor, searchContext(request));
    if (cursor.sort !== request.sort) {
      throw new SearchInputError(
        'cursor',
        'invalid_cursor',
        'cursor is invalid: it belongs to another sort order',
      );
    }
    return cursor;
  }

  private encodeCursor(request: SearchRequest, row: HitRow): string {
    const cursor: SearchCursor =
      request.sort === 'relevance'
        ? { sort: 'relevance', rank: Number(row.rank), id: row.id }
        : { sort: 'newest', publishedAt: row.publishedAt, id: row.id };
    return this.codec.encode(cursor, searchContext(request));
  }

  private toItem(
    row: HitRow,
    terms: readonly string[],
    stories?: Map<string, StoryStats>,
  ): SearchItem {
    const item: SearchItem = {
      id: row.id,
      version: Number(row.version),
      title: row.title,
      url: row.url,
      summary: row.summary,
      language: row.language,
      feedId: row.feedId,
      publishedAt: new Date(row.publishedAt).toISOString(),
      indexedAt: row.indexedAt,
      rank: Number(row.rank),
      storyId: row.storyId,
      topics: row.topics,
      places: row.places,
      entities: row.entities,
    };
    if (row.titleHighlight !== undefined) {
      item.highlights = {
        title: markUnspaced(row.titleHighlight, row.title, row.language, terms) ?? '',
        summary: markUnspaced(row.summaryHighlight, row.summary, row.language, terms) ?? '',
      };
    }
    if (stories) {
      const stats = row.storyId ? stories.get(row.storyId) : undefined;
      item.story = {
        id: row.storyId,
        matches: Number(row.storyMatches ?? 1),
        articles: stats?.articles ?? 1,
        sources: stats?.sources ?? 1,
        languages: stats?.languages ?? [row.language],
      };
    }
    return item;
  }

  /** A cached set hands out the same counts until it changes: labelled and sorted once. */
  private cachedFacetsOf(rows: FacetRow[], scan: number): Facets {
    const known = this.facetsOfCounts.get(rows);
    if (known?.scan === scan) return known.facets;
    const facets = this.toFacets(rows, scan);
    this.facetsOfCounts.set(rows, { scan, facets });
    return facets;
  }

  private toFacets(rows: FacetRow[], scan: number): Facets {
    const pick = (facet: string, label?: (value: string) => string): FacetCount[] =>
      rows
        .filter((row) => row.facet === facet)
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, FACET_TOP)
        .map((row) => ({
          value: row.value,
          ...(label ? { label: label(row.value) } : {}),
          count: row.count,
        }));
    const counted = totalOf(rows);
    return {
      counted,
      sampled: counted >= scan,
      languages: pick('languages'),
      topics: pick('topics', (code) => this.taxonomy.topicLabel(code)),
      places: pick('places', (code) => this.taxonomy.placeName(code)),
      feeds: pick('feeds'),
    };
  }
}

const totalOf = (rows: FacetRow[]) => rows.find((row) => row.facet === 'total')?.count ?? 0;
