import {
  compileTsquery,
  hasFilters,
  searchConfigsFor,
  type SearchCursor,
  type SearchFilters,
  type SearchRequest,
} from './query/index.js';

/** A statement and its bind values; user text only ever travels in `values`. */
export interface SqlQuery {
  text: string;
  values: unknown[];
  /**
   * Worth preparing once per connection: run often, its text depending on the request's shape
   * only (words and filter values are bind values), so its variants are few.
   */
  prepare?: boolean;
  /**
   * With `prepare`: its plan depends on its shape alone (a bitmap of the words' matches in the
   * text index, no choice the values could change), so it is planned once per connection
   * (a generic plan) instead of with its values on every run.
   */
  generic?: boolean;
}

/** A statement with its values as one cache key. */
export const queryKey = (query: SqlQuery) => `${query.text}\u0000${JSON.stringify(query.values)}`;

export interface SearchSqlOptions {
  /** The request's tsquery text from buildTsquerySql, deduplicated: used as a constant. */
  resolved?: string;
  /** Take the newest matches from a bitmap, not the time index; see `newestWithin`. */
  bitmap?: boolean;
  /**
   * First pages with facets: facet counts over the candidates, as `facetRows` on the first row
   * (newest-first pages then also come from the newest `candidates` matches).
   */
  facets?: boolean;
  /** With `bitmap`: a published_at lower bound expected to hold enough matches. */
  window?: string;
  /** With `window`: also name the window's days, which the GIN text index holds. */
  days?: boolean;
  /**
   * Relevance ranking and story collapsing work on the newest N matches. Without the RUM
   * index, ranking every match of a common term costs ~0.5 s per million documents; the
   * recency boost makes an older match lose to a newer one anyway once it is weeks older.
   */
  candidates: number;
  /** Days after which a document needs twice the text rank to stay level with a new one. */
  halfLifeDays: number;
  /**
   * Take "the newest matches" from the RUM index (published_at attached to the lexemes) rather
   * than walking the time index and rechecking rows, or fetching every match from the heap.
   * RUM reads every match's index entry, so it pays for mid-frequency terms and not for terms
   * in a large share of the documents, where the walk stops after a few rows; see
   * `chooseNewestSource`.
   */
  rumNewest?: boolean;
}

export const DEFAULT_SEARCH_SQL_OPTIONS: SearchSqlOptions = { candidates: 500, halfLifeDays: 7 };

/** Rows beyond a page taken from RUM, so documents published in the same instant sort by id. */
const RUM_TIE_SLACK = 50;

/** Beyond the newest instant a document can have: RUM orders by the distance to it. */
const RUM_HORIZON = "TIMESTAMPTZ '2200-01-01T00:00:00Z'";

/** ORDER BY of "the newest matches": RUM's distance on the attached time, or the time index. */
function newestOrder(options: { rumNewest?: boolean }, tieBreak = true): string {
  if (options.rumNewest) return `d.published_at <=| ${RUM_HORIZON}`;
  return tieBreak ? 'd.published_at DESC, d.article_id DESC' : 'd.published_at DESC';
}

/**
 * Where RUM has the index, and the planner expects at most `rumMaxMatches` text matches, the
 * newest matches come from the RUM index; otherwise from the planner's own choice.
 */
export function chooseNewestSource(
  engine: SearchEngine,
  estimatedMatches: number | undefined,
  rumMaxMatches: number,
): boolean {
  return engine === 'rum' && estimatedMatches !== undefined && estimatedMatches <= rumMaxMatches;
}

/** Which full-text index the database has (see the search-rum migration). */
export type SearchEngine = 'rum' | 'gin';

class Params {
  readonly values: unknown[] = [];

  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** A timestamp as UTC text with microseconds (cursor and event-id precision). */
export const utcText = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Columns every hit carries; timestamps also as microsecond text for cursors and event ids. */
export const HIT_COLUMNS = [
  'd.article_id AS id',
  'd.version',
  'd.title',
  'd.url',
  'd.summary',
  'd.language',
  'd.feed_id AS "feedId"',
  'd.text_search_config AS config',
  'd.topics',
  'd.places',
  'd.entities',
  'd.story_id AS "storyId"',
  `${utcText('d.published_at')} AS "publishedAt"`,
  `${utcText('d.indexed_at')} AS "indexedAt"`,
].join(', ');

/**
 * What a ranked page's candidates carry: the row's address (the page's rows are read whole by
 * it), and what collapsing, facets and ordering read.
 */
const RANKED_COLUMNS = [
  'd.ctid AS tid',
  'd.article_id AS id',
  'd.story_id AS "storyId"',
  'd.language',
  'd.topics',
  'd.places',
  'd.feed_id AS "feedId"',
  'd.published_at AS sort_time',
].join(', ');

/** Conditions of the filters, AND-ed; every value is a bind parameter. */
function filterConditions(filters: SearchFilters, params: Params): string[] {
  const where: string[] = [];
  if (filters.lang.length) where.push(`d.language = ANY(${params.add(filters.lang, '::text[]')})`);
  if (filters.topic.length) where.push(`d.topics && ${params.add(filters.topic, '::text[]')}`);
  if (filters.place.length) where.push(`d.places && ${params.add(filters.place, '::text[]')}`);
  if (filters.entity.length) where.push(`d.entities && ${params.add(filters.entity, '::text[]')}`);
  if (filters.feed.length) where.push(`d.feed_id = ANY(${params.add(filters.feed, '::uuid[]')})`);
  if (filters.since) where.push(`d.published_at >= ${params.add(filters.since, '::timestamptz')}`);
  if (filters.until) where.push(`d.published_at < ${params.add(filters.until, '::timestamptz')}`);
  return where;
}

/** The tsquery of the request's words, compiled for the languages it may match; or undefined. */
function tsquery(request: SearchRequest, params: Params): string | undefined {
  const { ast, text } = request.query;
  if (!ast) return undefined;
  const compiled = compileTsquery(ast, {
    configs: searchConfigsFor(request.filters.lang, text),
    firstParam: params.values.length + 1,
  });
  params.values.push(...compiled.params);
  return compiled.sql;
}

interface Base {
  params: Params;
  from: string;
  where: string[];
  hasQuery: boolean;
  /** `(SELECT <tsquery> AS q) query`, to join where the query is needed again. */
  queryRelation: string;
}

/**
 * The tsquery is computed once in a one-row subquery, so it is neither re-evaluated per row
 * nor re-parsed for ranking and highlighting. With `resolved` (its text, see buildTsquerySql)
 * it is a constant: the planner then estimates the matches from the lexeme statistics instead
 * of a default guess, and picks the bitmap for a rare word and the time-index walk for a
 * frequent one.
 */
function base(request: SearchRequest, resolved?: string): Base {
  const params = new Params();
  const compiled =
    resolved === undefined ? tsquery(request, params) : params.add(resolved, '::tsquery');
  const where = filterConditions(request.filters, params);
  if (compiled)
    where.push(resolved === undefined ? 'd.document @@ query.q' : `d.document @@ ${compiled}`);
  const from = compiled
    ? `search_documents d, (SELECT ${compiled} AS q) query`
    : 'search_documents d';
  const queryRelation = compiled ? `(SELECT ${compiled} AS q) query` : '';
  return { params, from, where, hasQuery: compiled !== undefined, queryRelation };
}

/** `SELECT q`: the request's tsquery as text, to be deduplicated and passed back as a constant. */
export function buildTsquerySql(request: SearchRequest): SqlQuery | undefined {
  const params = new Params();
  const compiled = tsquery(request, params);
  if (!compiled) return undefined;
  return { text: `SELECT (${compiled})::text AS q`, values: params.values };
}

/** The alternatives of a tsquery's top-level OR, trimmed (the whole text when it has none). */
export function topLevelAlternatives(text: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'") {
      if (quoted && text[i + 1] === "'") i++;
      else quoted = !quoted;
    } else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    else if (!quoted && depth === 0 && char === '|') {
      alternatives.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  alternatives.push(text.slice(start).trim());
  return alternatives;
}

/**
 * Drops repeated alternatives of a top-level OR: every configuration that stems a word the same
 * way adds the same lexeme again ('bobaba' | 'bob' | 'bobaba' | …), and each copy is checked
 * again for every row. Lexemes are quoted, with quotes doubled inside.
 */
export function dedupeTsquery(text: string): string {
  return [...new Set(topLevelAlternatives(text))].join(' | ');
}

const LONE_LEXEME = /^'(?:[^']|'')*'$/;

/**
 * How many lone lexemes a tsquery ORs together ('a' | 'b' | 'c': 3), or 1 when it is anything
 * else (an AND, a phrase, a prefix, a weight): see correctedEstimate in window-cost.
 */
export function loneLexemeAlternatives(text: string): number {
  const alternatives = topLevelAlternatives(text);
  return alternatives.every((alternative) => LONE_LEXEME.test(alternative))
    ? alternatives.length
    : 1;
}

/**
 * The planner's estimate for a lexeme below its statistics' most common elements: every such
 * lexeme gets the same one (half the least common element's frequency), seen or not.
 */
export function buildUnseenLexemeEstimateSql(): SqlQuery {
  return {
    text: 'EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents d WHERE d.document @@ $1::tsquery',
    values: [`'newsfeed-estimate-probe-${'q'.repeat(40)}'`],
  };
}

const whereClause = (conditions: string[]) =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

/**
 * ln(text rank) + ln 2 · age/half-life, i.e. text rank × 2^(t/h): a document h days older needs
 * twice the text rank. It depends on the published time alone, not on now(), so the order (and
 * the cursors) stay the same from one page to the next.
 */
function rankExpression(halfLifeDays: number): string {
  const perDay = (Math.LN2 / halfLifeDays).toFixed(8);
  return (
    `(ln(ts_rank(d.document, query.q)::float8 + 1e-6) + ${perDay} * ` +
    `extract(epoch FROM d.published_at - TIMESTAMPTZ '2020-01-01T00:00:00Z')::float8 / 86400.0)`
  );
}

function cursorCondition(
  cursor: SearchCursor | undefined,
  params: Params,
  keys: { rank: string; published: string; id: string },
): string[] {
  if (!cursor) return [];
  if (cursor.sort === 'relevance') {
    return [
      `(${keys.rank}, ${keys.id}) < (${params.add(cursor.rank, '::float8')}, ${params.add(cursor.id, '::uuid')})`,
    ];
  }
  return [
    `(${keys.published}, ${keys.id}) < (${params.add(cursor.publishedAt, '::timestamptz')}, ${params.add(cursor.id, '::uuid')})`,
  ];
}

const HIGHLIGHT_OPTIONS = {
  title: 'HighlightAll=true, StartSel=<mark>, StopSel=</mark>',
  summary:
    'MaxFragments=2, MaxWords=35, MinWords=12, FragmentDelimiter=" … ", StartSel=<mark>, StopSel=</mark>',
};

/** HTML-escaped before highlighting so the only markup in a snippet is our own <mark>. */
const escaped = (column: string) =>
  `replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

function highlightColumns(hasQuery: boolean, params: Params): string {
  if (!hasQuery) return '';
  const title = params.add(HIGHLIGHT_OPTIONS.title);
  const summary = params.add(HIGHLIGHT_OPTIONS.summary);
  return (
    `, ts_headline(p.config, ${escaped('p.title')}, query.q, ${title}) AS "titleHighlight"` +
    `, ts_headline(p.config, ${escaped('p.summary')}, query.q, ${summary}) AS "summaryHighlight"`
  );
}

/**
 * A document's UTC day of publication as the GIN text index holds it: the expression must be the
 * published-days migration's, or the planner does not see the index.
 */
const PUBLISHED_DAY = `ARRAY[((d.published_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01')]`;

/** A timestamp's UTC day as days since 1970-01-01, the unit of PUBLISHED_DAY. */
const utcDay = (time: string) => `((${time}) AT TIME ZONE 'UTC')::date - DATE '1970-01-01'`;

/**
 * The days a window from `since` names, as a one-row subquery: every calendar day from its first
 * to the newest document's, at most tomorrow (a day without documents costs the index scan one
 * probe of an absent key), and beyond tomorrow only the days that have documents
 * (search_published_days), however far ahead a feed dates an article. Listing every later day
 * with documents through search_published_days cost 0.5 ms of a 3-ms newest-first page (a
 * SQL function's recursive body planned and run per statement); this reads the newest
 * document's time from the time index (0.02 ms). Read in the statement's snapshot, so a
 * document indexed on a new day is never missed.
 */
function windowDaysSql(since: string): string {
  const tomorrow = `(${utcDay('now()')} + 1)`;
  const afterTomorrow = `((DATE '1970-01-01' + ${tomorrow} + 1)::timestamp AT TIME ZONE 'UTC')`;
  return (
    `(SELECT ARRAY(SELECT generate_series(${utcDay(since)}, least(m.day, ${tomorrow}))) || ` +
    `CASE WHEN m.day > ${tomorrow} THEN search_published_days(greatest(${since}, ${afterTomorrow})) ` +
    `ELSE '{}'::int[] END FROM (SELECT ${utcDay('max(published_at)')} AS day FROM search_documents) m)`
  );
}

/**
 * The newest `limit` matching rows as a relation named `d`, fetched unordered (a bitmap of the
 * word index, AND-ed with the time index inside a `window`) and then sorted. Walking the time
 * index instead rechecks every row until enough match: tens of thousands for a word in a few
 * percent of the documents, the whole table when a filter and the words never meet. Its cost
 * is bounded by the word's matches instead. With a window (a published_at lower bound the
 * caller expects to hold enough matches), the caller retries wider when fewer come back.
 * Filters stay indexable, so the planner may AND in a language's or a topic's own bitmap: hiding
 * them from it (`(condition) IS TRUE`, checked on the word's matches) was measured slower at
 * 1,000,000 documents (word + language + facets p50 17–20 → 21–26 ms, p95 90 → 100–290 ms),
 * because a word absent from that language then reads every one of its matches from the heap.
 * With `days`, the window also names its days (see windowDaysSql), which the text index holds
 * beside the words: one index scan then hands over only the window's matches, where the time
 * index's bitmap of the whole window cost more than reading them (a word in 1.9 % of a million
 * documents: 21 → 3.7 ms for its newest 500). The days come from a one-row subquery, run once
 * per statement: search_published_days called directly also ran while planning, for the
 * selectivity estimate (planning 1.7–4.3 → 0.7–1.1 ms for windows of 2–48 days at a million
 * documents), and the plan is the same.
 * The window's time bound is then checked on the matches only (`IS TRUE` hides it from the
 * time index): left indexable, the planner AND-ed the time index's bitmap of the whole window
 * with the words' (a word in 6 % of a million documents: 1.1–1.6 ms of its 8–12 for 23,000–40,000
 * entries), where the days already keep the scan inside the window but for part of its first day.
 * The sort carries only the row's address, and the whole rows of the newest are fetched again
 * by it: sorting the 1,600 matches of a word for its newest 500 with their documents (≈ 2 kB
 * each) cost more than fetching 500 rows twice (a ranked page of a word in 10 % of a million
 * documents, 18.4 → 17.2 ms, medians of 75 runs of each statement).
 */
function newestWithin(
  base: Base,
  { window, days }: { window?: string; days?: boolean },
  limit: number,
): string {
  const { params, where } = base;
  const bounded = [...where];
  if (window) {
    const since = params.add(window, '::timestamptz');
    if (days) {
      bounded.push(`${PUBLISHED_DAY} && ${windowDaysSql(since)}`);
      bounded.push(`(d.published_at >= ${since}) IS TRUE`);
    } else bounded.push(`d.published_at >= ${since}`);
  }
  const newest =
    `SELECT w.tid FROM (SELECT d.ctid AS tid, d.published_at, d.article_id ` +
    `FROM search_documents d ${whereClause(bounded)} OFFSET 0) w ` +
    `ORDER BY w.published_at DESC, w.article_id DESC LIMIT ${params.add(limit)}`;
  return `(SELECT d.*, d.ctid FROM search_documents d WHERE d.ctid = ANY(ARRAY(${newest}))) d`;
}

/**
 * `columns` of the newest `options.candidates` matches, the query relation joined: from a bitmap
 * of the matches (see newestWithin), or walking the time index (or RUM's order).
 */
function newestCandidates(searchBase: Base, options: SearchSqlOptions, columns: string): string {
  const { params, from, where, queryRelation } = searchBase;
  return options.bitmap && !options.rumNewest
    ? `SELECT ${columns} FROM ${newestWithin(searchBase, options, options.candidates)}` +
        (queryRelation ? `, ${queryRelation}` : '')
    : `SELECT ${columns} FROM ${from} ${whereClause(where)} ORDER BY ${newestOrder(options)} ` +
        `LIMIT ${params.add(options.candidates)}`;
}

/**
 * One page of results (limit + 1 rows, the extra one tells whether there is a next page).
 * Newest-first without collapsing walks the (published_at, article_id) index from the cursor.
 * Relevance and collapse=story rank the newest `candidates` matches; a newest-first first page
 * with facets takes its rows and its facet counts from them in one statement.
 */
export function buildPageSql(
  request: SearchRequest,
  cursor: SearchCursor | undefined,
  options: SearchSqlOptions = DEFAULT_SEARCH_SQL_OPTIONS,
): SqlQuery {
  const searchBase = base(request, options.resolved);
  const { params, from, where, hasQuery, queryRelation } = searchBase;
  const relevance = ranksByRelevance(request);
  let page: string;
  if (!relevance && !request.collapse && !options.facets) {
    const seek = cursorCondition(cursor, params, {
      rank: '0',
      published: 'd.published_at',
      id: 'd.article_id',
    });
    const hitColumns = `${HIT_COLUMNS}, 0::float8 AS rank, d.published_at AS sort_time, 1::bigint AS "storyMatches"`;
    const hits = `SELECT ${hitColumns} FROM ${from} ${whereClause([...where, ...seek])}`;
    const limit = request.limit + 1;
    page =
      options.bitmap && !options.rumNewest
        ? `SELECT ${hitColumns} FROM ${newestWithin({ ...searchBase, where: [...where, ...seek] }, options, limit)}`
        : options.rumNewest
          ? // RUM hands over the newest matches of a rarer word straight from the index (walking the
            // time index would recheck rows until enough match); it orders by time alone, so a few
            // extra rows let the outer sort apply the id tie-break the cursor relies on.
            `SELECT * FROM (${hits} ORDER BY ${newestOrder(options)} ` +
            `LIMIT ${params.add(request.limit + 1 + RUM_TIE_SLACK)}) n ` +
            `ORDER BY n.sort_time DESC, n.id DESC LIMIT ${params.add(request.limit + 1)}`
          : `${hits} ORDER BY d.published_at DESC, d.article_id DESC LIMIT ${params.add(request.limit + 1)}`;
  } else {
    const rank = relevance ? rankExpression(options.halfLifeDays) : '0::float8';
    const order = relevance ? 'c.rank DESC, c.id DESC' : 'c.sort_time DESC, c.id DESC';
    // Candidates carry what ranking, collapsing and facets read; the page's rows are read whole
    // by their address afterwards, not all 500 candidates' (a ranked page of a word in 10 % of a
    // million documents: 17.9 -> 16.6 ms, medians of 75 runs of each statement).
    const candidates = newestCandidates(searchBase, options, `${RANKED_COLUMNS}, ${rank} AS rank`);
    const ranked = request.collapse
      ? `SELECT * FROM (SELECT c.*, row_number() OVER (PARTITION BY coalesce(c."storyId", c.id) ORDER BY ${order}) AS pos, ` +
        `count(*) OVER (PARTITION BY coalesce(c."storyId", c.id)) AS "storyMatches" FROM candidates c) s WHERE s.pos = 1`
      : `SELECT c.*, 1::bigint AS "storyMatches" FROM candidates c`;
    const seek = cursorCondition(cursor, params, {
      rank: 'c.rank',
      published: 'c.sort_time',
      id: 'c.id',
    });
    // Facets count the candidates the page came from: no second pass over the matches.
    const facets = options.facets
      ? `, CASE WHEN row_number() OVER (ORDER BY ${order}) = 1 THEN ` +
        `(SELECT json_agg(f) FROM (${facetCounts('candidates', '"feedId"')}) f) END AS "facetRows"`
      : '';
    const best =
      `WITH candidates AS (${candidates}) SELECT c.*, ` +
      `(SELECT count(*) FROM candidates)::int AS "candidateCount"${facets} FROM (${ranked}) c ${whereClause(seek)} ` +
      `ORDER BY ${order} LIMIT ${params.add(request.limit + 1)}`;
    page =
      `SELECT ${HIT_COLUMNS}, r.rank, r.sort_time, r."storyMatches", r."candidateCount"` +
      `${options.facets ? ', r."facetRows"' : ''} FROM (${best}) r JOIN search_documents d ON d.ctid = r.tid`;
  }
  const highlights = highlightColumns(hasQuery, params);
  const queryFrom = hasQuery ? `, ${queryRelation}` : '';
  const pageOrder = relevance ? 'p.rank DESC, p.id DESC' : 'p.sort_time DESC, p.id DESC';
  return {
    text: `SELECT p.*${highlights} FROM (${page}) p${queryFrom} ORDER BY ${pageOrder}`,
    values: params.values,
    prepare: options.resolved !== undefined || !hasQuery,
    generic: planIsFixed(request, hasQuery, options),
  };
}

/**
 * Whether a statement's plan is the same whatever its values: the newest matches of words
 * without filters read from a bitmap of the text index, every match or a window that names its
 * days (the fence leaves nothing else to choose). Planning such a page with its values cost
 * 0.6–0.9 ms of a 3-ms newest-first word page at a million documents. With a filter, a generic
 * plan guesses its share and may AND in the filter's own index (a whole language's bitmap):
 * a word with a language filter and facets went from p95 22–25 to 47–50 ms at a million
 * documents, so filtered statements are planned with their values. So are windows bounded by
 * the time index, the time-index walk and filters without words.
 */
function planIsFixed(
  request: SearchRequest,
  hasQuery: boolean,
  options: SearchSqlOptions,
): boolean {
  if (!hasQuery || options.resolved === undefined || !options.bitmap || options.rumNewest) {
    return false;
  }
  if (hasFilters(request.filters)) return false;
  return options.window === undefined || options.days === true;
}

/** One count of a facet value; facet 'total' counts the rows counted. */
export interface FacetRow {
  facet: string;
  value: string;
  count: number;
}

/**
 * Facet rows (facet, value, count) over the rows of `relation`, with a 'total' row. Topics and
 * places are unnested in the select list: joined to `unnest(…)`, each row started a function
 * scan of its own (500 ranked candidates: 2.7 → 2.2 ms for the five counts).
 */
function facetCounts(relation: string, feedColumn: string): string {
  return (
    `SELECT 'total' AS facet, '' AS value, count(*)::int AS count FROM ${relation} ` +
    `UNION ALL SELECT 'languages', language, count(*)::int FROM ${relation} GROUP BY language ` +
    `UNION ALL SELECT 'topics', t, count(*)::int FROM (SELECT unnest(topics) AS t FROM ${relation}) ft GROUP BY t ` +
    `UNION ALL SELECT 'places', pl, count(*)::int FROM (SELECT unnest(places) AS pl FROM ${relation}) fp GROUP BY pl ` +
    `UNION ALL SELECT 'feeds', ${feedColumn}::text, count(*)::int FROM ${relation} GROUP BY ${feedColumn}`
  );
}

/**
 * The planner's estimate of the documents matching the words alone (no filters), read with
 * EXPLAIN: planning only, from the lexeme statistics ANALYZE keeps. Undefined without words.
 */
export function buildEstimateSql(request: SearchRequest): SqlQuery | undefined {
  const { ast } = request.query;
  if (!ast) return undefined;
  // The words as written ('simple' configuration): OR-ing every language's stemmed variant
  // would add up the planner's default guess for each, so one rare word looked like 20 common
  // ones and lost the RUM plan it needs.
  const compiled = compileTsquery(ast, { configs: ['simple'], firstParam: 1 });
  const params = new Params();
  params.values.push(...compiled.params);
  return {
    text: `EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents d WHERE d.document @@ ${compiled.sql}`,
    values: params.values,
  };
}

/**
 * The planner's estimate of the documents matching the request (its words as the constant
 * `resolved` tsquery where it has words, and its filters), read with EXPLAIN.
 */
export function buildMatchEstimateSql(request: SearchRequest, resolved?: string): SqlQuery {
  const { params, where } = base(request, resolved);
  return {
    text: `EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents d ${whereClause(where)}`,
    values: params.values,
  };
}

/** Which of `articleIds` match the request (for the live stream and webhooks). */
export function buildMatchSql(request: SearchRequest, articleIds: readonly string[]): SqlQuery {
  const { params, from, where } = base(request);
  where.push(`d.article_id = ANY(${params.add(articleIds, '::uuid[]')})`);
  return {
    text: `SELECT ${HIT_COLUMNS}, 0::float8 AS rank FROM ${from} ${whereClause(where)} ORDER BY d.indexed_at, d.article_id`,
    values: params.values,
  };
}

/** Matches indexed after a stream position, oldest first (Last-Event-ID replay). */
export function buildReplaySql(
  request: SearchRequest,
  after: { indexedAt: string; id: string },
  limit: number,
): SqlQuery {
  const { params, from, where } = base(request);
  where.push(
    `(d.indexed_at, d.article_id) > (${params.add(after.indexedAt, '::timestamptz')}, ${params.add(after.id, '::uuid')})`,
  );
  return {
    text:
      `SELECT ${HIT_COLUMNS}, 0::float8 AS rank FROM ${from} ${whereClause(where)} ` +
      `ORDER BY d.indexed_at, d.article_id LIMIT ${params.add(limit)}`,
    values: params.values,
  };
}

const micros = (time: string) => `(extract(epoch FROM ${time}) * 1000000)::bigint::text`;

/**
 * The search documents indexed after `since` minus the overlap, as `id@indexedAt` (indexed_at
 * in microseconds since the epoch: formatting hundreds of times as text cost more than the
 * read), oldest first, with the server's time to read from next and the horizon the next read
 * looks back to, in microseconds. Without `since`: only the times.
 */
export function buildChangesSql(
  since: string | undefined,
  overlapMs: number,
  max: number,
): SqlQuery {
  const params = new Params();
  const overlap = `${params.add(overlapMs, '::float8')} * interval '1 millisecond'`;
  const changes =
    since === undefined
      ? 'ARRAY[]::text[]'
      : `ARRAY(SELECT d.article_id::text || '@' || ${micros('d.indexed_at')} FROM search_documents d ` +
        `WHERE d.indexed_at > ${params.add(since, '::timestamptz')} - ${overlap} ` +
        `ORDER BY d.indexed_at, d.article_id LIMIT ${params.add(max)})`;
  return {
    text: `SELECT ${utcText('now()')} AS now, ${micros(`(now() - ${overlap})`)} AS horizon, ${changes} AS changes`,
    values: params.values,
  };
}

/** What a cached query keeps of each candidate (see cache/candidate-set). */
const CANDIDATE_COLUMNS = [
  'd.article_id AS id',
  'd.language',
  'd.topics',
  'd.places',
  'd.feed_id AS "feedId"',
  `${utcText('d.published_at')} AS "publishedAt"`,
].join(', ');

/** Ranked by relevance: requests with words sorted by relevance; the rest are newest-first. */
export const ranksByRelevance = (request: SearchRequest) =>
  request.sort === 'relevance' && request.query.ast !== undefined;

function candidateColumns(request: SearchRequest, options: SearchSqlOptions): string {
  const rank = ranksByRelevance(request) ? rankExpression(options.halfLifeDays) : '0::float8';
  return `${CANDIDATE_COLUMNS}, ${rank} AS rank`;
}

/**
 * The newest `candidates` matches of a request (words and filters), with their relevance score
 * when it is ranked: what a cached query is built from. Read like a ranked page's candidates.
 */
export function buildCandidateSql(request: SearchRequest, options: SearchSqlOptions): SqlQuery {
  const searchBase = base(request, options.resolved);
  const text = newestCandidates(searchBase, options, candidateColumns(request, options));
  return { text, values: searchBase.params.values };
}

/**
 * Which of `ids` match the request now, as candidate rows (a cached query catching up). The ids
 * are looked up first, behind a fence: left to itself the planner AND-s the word's whole GIN
 * bitmap with them (a word in 10 % of a million documents: 50–80 ms instead of 6 for 500 ids).
 */
export function buildCandidatesByIdSql(
  request: SearchRequest,
  options: SearchSqlOptions,
  ids: readonly string[],
): SqlQuery {
  const { params, where, queryRelation } = base(request, options.resolved);
  const changed =
    `(SELECT * FROM search_documents WHERE article_id = ANY(${params.add(ids, '::uuid[]')}) ` +
    'OFFSET 0) d';
  const from = queryRelation ? `${changed}, ${queryRelation}` : changed;
  return {
    text: `SELECT ${candidateColumns(request, options)} FROM ${from} ${whereClause(where)}`,
    values: params.values,
  };
}

/** The rows of `ids` as hits, highlighted for the resolved tsquery when there is one. */
export function buildHitsByIdSql(resolved: string | undefined, ids: readonly string[]): SqlQuery {
  const params = new Params();
  const rows = hitRowsById(params, ids);
  if (resolved === undefined) return { text: `SELECT p.* FROM (${rows}) p`, values: params.values };
  const query = `(SELECT ${params.add(resolved, '::tsquery')} AS q) query`;
  return {
    text: `SELECT p.*${highlightColumns(true, params)} FROM (${rows}) p, ${query}`,
    values: params.values,
  };
}

/**
 * These documents as hits (no highlights, rank 0) with their lexemes, joined by the unit
 * separator with one at each end (see cache/lexeme-prefilter): what the change feed keeps.
 */
export function buildChangedDocumentsSql(ids: readonly string[]): SqlQuery {
  const params = new Params();
  const lexemes = `E'\\x1f' || array_to_string(tsvector_to_array(d.document), E'\\x1f') || E'\\x1f'`;
  return {
    text: hitRowsById(params, ids, `0::float8 AS rank, ${lexemes} AS lexemes`),
    values: params.values,
  };
}

/** HIT_COLUMNS (and `extra` columns) of the documents `ids`, as `d`. */
function hitRowsById(params: Params, ids: readonly string[], extra?: string): string {
  const columns = extra ? `${HIT_COLUMNS}, ${extra}` : HIT_COLUMNS;
  return `SELECT ${columns} FROM search_documents d WHERE d.article_id = ANY(${params.add(ids, '::uuid[]')})`;
}
