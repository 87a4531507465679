import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { ArticleClassifiedV1 } from '#contracts';
import { createDataSource, migrate } from '#database';
import { JsonLogger } from '#observability';
import { buildSearchDocument } from '../../apps/indexer/src/search-index/build-document.js';
import { PostgresSearchIndex } from '../../apps/indexer/src/search-index/postgres-search-index.js';
import { Taxonomy } from '../../apps/api/src/taxonomy/taxonomy.js';
import { searchEnv } from '../../apps/api/src/search/search-env.js';
import { SearchRepository, type HitRow } from '../../apps/api/src/search/search.repository.js';
import {
  compileMayMatch,
  LEXEME_SEPARATOR,
} from '../../apps/api/src/search/cache/lexeme-prefilter.js';
import {
  buildChangedDocumentsSql,
  buildHitsByIdSql,
  buildMatchEstimateSql,
  buildPageSql,
  buildTsquerySql,
  buildUnseenLexemeEstimateSql,
  dedupeTsquery,
  loneLexemeAlternatives,
  type SqlQuery,
} from '../../apps/api/src/search/search-sql.js';
import { correctedEstimate } from '../../apps/api/src/search/window-cost.js';
import { SearchService, type SearchPage } from '../../apps/api/src/search/search.service.js';
import { searchCacheRequests } from '../../apps/api/src/search/cache/result-cache.js';
import { waitFor } from '../support/wait.js';

const ADMIN = (() => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url;
})();
const DOCS = 240;
const FEEDS = [randomUUID(), randomUUID(), randomUUID()];
const WORDS = ['harbour', 'election', 'vaccine', 'drought', 'satellite', 'orchestra'];

/** Runs `sql` on the admin database; the rows it returned or touched. */
async function admin(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: ADMIN.href });
  await client.connect();
  return (await client.query(sql).finally(() => client.end())).rowCount ?? 0;
}

async function rumOffered(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN.href });
  await client.connect();
  const { rows } = await client
    .query(`SELECT 1 FROM pg_available_extensions WHERE name = 'rum'`)
    .finally(() => client.end());
  return rows.length > 0;
}

/** Article i mentions WORDS[j] when i % (j + 2) == 0, once in the title when i % 5 == 0. */
function event(i: number): ArticleClassifiedV1 {
  const words = WORDS.filter((_, j) => i % (j + 2) === 0);
  const time = new Date(Date.UTC(2025, 5, 1) + i * 3_600_000).toISOString();
  return {
    articleId: randomUUID(),
    version: 1,
    feedId: FEEDS[i % FEEDS.length]!,
    url: `https://example.org/${i}`,
    canonicalUrl: null,
    guid: String(i),
    title: `Report ${i} ${i % 5 === 0 ? words.join(' ') : ''}`,
    summary: `A summary about ${words.join(' and ')} in the region.`,
    contentHtml: '',
    contentText: `The body text of report ${i} mentions ${words.join(', ')} again.`,
    author: null,
    feedLanguage: null,
    categories: [],
    publishedAt: time,
    fetchedAt: time,
    contentHash: '0'.repeat(64),
    language: { code: 'en', confidence: 0.9 },
    topics: [{ code: 'medtop:04000000', label: 'economy', score: 0.8 }],
    places: { countries: [{ code: 'FR', name: 'France', score: 1 }], cities: [] },
    entities: [],
    simhash: '0000000000000000',
    storyId: null,
    nearDuplicateOf: null,
    classifierVersion: 'test',
  };
}

class Engine {
  readonly database = `search_engines_${randomBytes(4).toString('hex')}`;
  dataSource!: DataSource;
  repository!: SearchRepository;
  service!: SearchService;
  /** What the repository logged at warn and above, one JSON line each. */
  readonly logLines: string[] = [];

  constructor(private readonly rum: boolean) {}

  async start(events: ArticleClassifiedV1[], env: Record<string, string> = {}): Promise<this> {
    await admin(`CREATE DATABASE ${this.database}`);
    const url = new URL(ADMIN.href);
    url.pathname = `/${this.database}`;
    const previous = process.env.SEARCH_RUM;
    process.env.SEARCH_RUM = this.rum ? 'on' : 'off';
    try {
      await migrate(url.href);
    } finally {
      if (previous === undefined) delete process.env.SEARCH_RUM;
      else process.env.SEARCH_RUM = previous;
    }
    this.dataSource = await createDataSource({ url: url.href, poolSize: 2 }).initialize();
    await new PostgresSearchIndex(this.dataSource).upsert(
      events.map((e) => buildSearchDocument(e, 10_000)),
    );
    await this.dataSource.query('ANALYZE search_documents');
    const searchEnvironment = searchEnv({ ...process.env, SEARCH_CANDIDATES: '500', ...env });
    const logger = new JsonLogger('search-test', 'warn', {}, (line) => this.logLines.push(line));
    this.repository = new SearchRepository(this.dataSource, searchEnvironment, logger);
    this.service = new SearchService(this.repository, Taxonomy.load(), searchEnvironment);
    return this;
  }

  page(params: Record<string, string>, facets = false): Promise<SearchPage> {
    return this.service.page(this.service.parse(params), { facets });
  }

  /** Every page of a search, following the cursors. */
  async all(params: Record<string, string>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchPage = await this.page({
        ...params,
        limit: '7',
        ...(cursor ? { cursor } : {}),
      });
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  async stop(): Promise<void> {
    await this.repository?.onModuleDestroy();
    await this.dataSource?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
  }
}

describe('search with and without the RUM index', async () => {
  const withRum = await rumOffered();
  const events = Array.from({ length: DOCS }, (_, i) => event(i));
  const idOf = new Map(events.map((e, i) => [e.articleId, i]));
  const gin = new Engine(false);
  const rum = new Engine(true);
  /** GIN, every word read from a bitmap of its matches instead of walking the time index. */
  const ginBitmap = new Engine(false);
  /** RUM index present, but every word treated as too frequent for it: the time-index walk. */
  const rumWalk = new Engine(true);

  before(async () => {
    await gin.start(events);
    await ginBitmap.start(events, { SEARCH_WALK_SHARE: '1' });
    if (withRum) {
      await rum.start(events);
      await rumWalk.start(events, { SEARCH_RUM_MAX_MATCHES: '0' });
    }
  });

  after(async () => {
    await Promise.all([
      gin.stop(),
      ginBitmap.stop(),
      withRum ? rum.stop() : undefined,
      withRum ? rumWalk.stop() : undefined,
    ]);
  });

  it('detects the index each database has', async () => {
    assert.equal(await gin.repository.searchEngine(), 'gin');
    if (withRum) assert.equal(await rum.repository.searchEngine(), 'rum');
  });

  it('prepares page statements once per connection and plans each run with its values', async () => {
    const logger = new JsonLogger('search-test', 'warn', {}, () => undefined);
    const oneConnection = (prepared: 'on' | 'off') => {
      const env = searchEnv({
        ...process.env,
        SEARCH_POOL_SIZE: '1',
        SEARCH_RESULT_CACHE_ENTRIES: '0',
        SEARCH_PREPARED_STATEMENTS: prepared,
      });
      const repository = new SearchRepository(gin.dataSource, env, logger);
      return { repository, service: new SearchService(repository, Taxonomy.load(), env) };
    };
    const prepared = oneConnection('on');
    const unnamed = oneConnection('off');
    // Statements with a fixed plan are prepared on the connection that plans them once: asked
    // there as one of them (prepared itself, so left out of its own answer).
    const preparedStatements = (repository: SearchRepository, generic: boolean) =>
      repository.one<{ name: string; statement: string; mode: string }>({
        text: `SELECT name, statement, current_setting('plan_cache_mode') AS mode
                 FROM pg_prepared_statements WHERE statement NOT LIKE '%pg_prepared_statements%' ORDER BY name`,
        values: [],
        prepare: generic,
        generic,
      });
    const statementNames = async (repository: SearchRepository) =>
      (await preparedStatements(repository, false)).map((row) => row.name);
    try {
      for (const params of [{ q: 'harbour' }, { q: 'vaccine', sort: 'newest' }, { lang: 'en' }]) {
        const ids = async ({ service }: typeof prepared) =>
          (await service.page(service.parse(params), { facets: true })).items.map((i) => i.id);
        const expected = await ids(unnamed);
        assert.ok(expected.length > 0, JSON.stringify(params));
        assert.deepEqual(await ids(prepared), expected, JSON.stringify(params));
        assert.deepEqual(await ids(prepared), expected, `${JSON.stringify(params)}, prepared`);
      }
      const names = await statementNames(prepared.repository);
      const fixed = await preparedStatements(prepared.repository, true);
      assert.equal(names.length + fixed.length, 3, [...names, ...fixed.map((f) => f.name)].join());
      assert.ok(
        names.every((name) => name.startsWith('search_') && !name.startsWith('search_generic_')),
        names.join(),
      );
      // The newest matches of words from a bitmap of the text index: planned once.
      assert.ok(fixed.length > 0, 'a statement with a fixed plan');
      for (const statement of fixed) {
        assert.match(statement.name, /^search_generic_/);
        assert.match(statement.statement, /ctid = ANY\(ARRAY\(/);
        assert.equal(statement.mode, 'force_generic_plan');
      }
      assert.deepEqual(await statementNames(unnamed.repository), []);
      const [mode] = await prepared.repository.one<{ plan_cache_mode: string }>({
        text: 'SHOW plan_cache_mode',
        values: [],
      });
      assert.equal(mode!.plan_cache_mode, 'force_custom_plan');
    } finally {
      await prepared.repository.onModuleDestroy();
      await unnamed.repository.onModuleDestroy();
    }
  });

  it('indexes entities on RUM too, where the text index cannot hold them', async (t) => {
    if (!withRum) return t.skip('the server offers no rum extension');
    const rows: { indexdef: string }[] = await rum.dataSource.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'search_documents_entities_idx'`,
    );
    assert.match(rows[0]?.indexdef ?? '', /USING gin \(entities\)/);
  });

  for (const word of ['harbour', 'satellite']) {
    const step = WORDS.indexOf(word) + 2;
    const expected = events
      .map((_, i) => i)
      .filter((i) => i % step === 0)
      .reverse();

    it(`newest-first "${word}": every match once, newest first, on every path`, async () => {
      for (const engine of withRum ? [gin, ginBitmap, rum, rumWalk] : [gin, ginBitmap]) {
        const ids = await engine.all({ q: word, sort: 'newest' });
        assert.deepEqual(
          ids.map((id) => idOf.get(id)),
          expected,
        );
      }
    });

    it(`relevance "${word}": the same ranking and pages with RUM as with GIN`, async () => {
      const ginIds = await gin.all({ q: word });
      assert.deepEqual(
        [...ginIds].map((id) => idOf.get(id)).sort((a, b) => a! - b!),
        [...expected].reverse(),
      );
      // Title matches (every fifth article) rank above body-only matches of the same age.
      const first = await gin.page({ q: word, limit: '3' });
      assert.ok(first.items.every((item) => item.highlights?.summary.includes('<mark>')));
      assert.deepEqual(await ginBitmap.all({ q: word }), ginIds);
      if (!withRum) return;
      assert.deepEqual(await rum.all({ q: word }), ginIds);
      assert.deepEqual(await rumWalk.all({ q: word }), ginIds);
    });
  }

  it('counts the same facets and collapses the same way on every path', async () => {
    const ginPage = await gin.page({ q: 'harbour' }, true);
    assert.equal(ginPage.facets?.counted, DOCS / 2);
    assert.deepEqual(
      ginPage.facets?.feeds.map((feed) => feed.count).reduce((a, b) => a + b, 0),
      DOCS / 2,
    );
    assert.deepEqual((await ginBitmap.page({ q: 'harbour' }, true)).facets, ginPage.facets);
    if (!withRum) return;
    const rumPage = await rum.page({ q: 'harbour' }, true);
    assert.deepEqual(rumPage.facets, ginPage.facets);
    const collapsed = await rum.page({ q: 'harbour', collapse: 'story' });
    assert.deepEqual(
      collapsed.items.map((item) => item.id),
      (await gin.page({ q: 'harbour', collapse: 'story' })).items.map((item) => item.id),
    );
  });
});

describe('the newest matches of a word, read three ways', () => {
  const events = Array.from({ length: DOCS }, (_, i) => event(i));
  const engine = new Engine(false);
  /** Fewer candidates than "harbour" has matches (120): ranked facets are a sample. */
  const sampling = new Engine(false);
  before(async () => {
    await engine.start(events);
    await sampling.start(events, { SEARCH_CANDIDATES: '100', SEARCH_FACET_SCAN: '100' });
  });
  after(() => Promise.all([engine.stop(), sampling.stop()]));

  it("counts a ranked page's facets over its candidates: the newest matches", async () => {
    const ranked = await sampling.page({ q: 'harbour' }, true);
    const newest = await sampling.page({ q: 'harbour', sort: 'newest' }, true);
    assert.equal(ranked.facets?.counted, 100);
    assert.equal(ranked.facets?.sampled, true);
    assert.deepEqual(ranked.facets, newest.facets);
    const all = await engine.page({ q: 'harbour' }, true);
    assert.equal(all.facets?.counted, 120);
    assert.equal(all.facets?.sampled, false);
    assert.deepEqual(
      all.facets,
      (await engine.page({ q: 'harbour', sort: 'newest' }, true)).facets,
    );
  });

  it('counts sampled facets once for ranked and newest-first pages of the same words', async () => {
    const withoutResultCache = (repository: SearchRepository, settings: Record<string, string>) =>
      new SearchService(
        repository,
        Taxonomy.load(),
        searchEnv({ ...process.env, ...settings, SEARCH_RESULT_CACHE_ENTRIES: '0' }),
      );
    const sampled = withoutResultCache(sampling.repository, {
      SEARCH_CANDIDATES: '100',
      SEARCH_FACET_SCAN: '100',
    });
    const exact = withoutResultCache(engine.repository, { SEARCH_CANDIDATES: '500' });
    const page = (service: SearchService, params: Record<string, string>) =>
      service.page(service.parse(params), { facets: true });

    const sampledCounts = countFacetStatements(sampling.repository);
    const ranked = await page(sampled, { q: 'harbour' });
    const collapsed = await page(sampled, { q: 'harbour', collapse: 'story' });
    const newest = await page(sampled, { q: 'harbour', sort: 'newest' });
    assert.equal(sampledCounts.stop(), 1);
    assert.equal(ranked.facets?.sampled, true);
    assert.deepEqual(collapsed.facets, ranked.facets);
    assert.deepEqual(newest.facets, ranked.facets);
    assert.ok(collapsed.items.length > 0 && newest.items.length > 0);

    // Exact counts (every match counted) must show the next article: counted every time.
    const exactCounts = countFacetStatements(engine.repository);
    await page(exact, { q: 'harbour' });
    const again = await page(exact, { q: 'harbour' });
    assert.equal(exactCounts.stop(), 2);
    assert.equal(again.facets?.counted, 120);
  });

  it('ranks the same candidates from the time index, a bitmap and a wide enough window', async () => {
    const request = engine.service.parse({ q: 'harbour', limit: '10' });
    const [row] = await engine.repository.one<{ q: string }>(buildTsquerySql(request)!);
    const resolved = dedupeTsquery(row!.q);
    const options = { candidates: 40, halfLifeDays: 7, resolved };
    const ids = async (extra: object) => {
      const rows = await engine.repository.one<HitRow>(
        buildPageSql(request, undefined, { ...options, ...extra }),
      );
      return { ids: rows.map((hit) => hit.id), ranked: rows[0]?.candidateCount };
    };
    const walk = await ids({});
    assert.equal(walk.ids.length, 11);
    assert.equal(walk.ranked, 40);
    assert.deepEqual(await ids({ bitmap: true }), walk);
    // Every second document says "harbour": the newest 100 hold 50 matches, enough for 40.
    const wide = await engine.repository.newestBoundary(100);
    assert.deepEqual(await ids({ bitmap: true, window: wide }), walk);
    // The newest 20 hold 10: the count tells the service to look wider.
    const narrow = await engine.repository.newestBoundary(20);
    assert.equal((await ids({ bitmap: true, window: narrow })).ranked, 10);
    // The same windows named by their days, which the text index holds.
    assert.deepEqual(await ids({ bitmap: true, window: wide, days: true }), walk);
    assert.equal((await ids({ bitmap: true, window: narrow, days: true })).ranked, 10);
  });

  it("estimates a word's stems that the statistics do not know as one, at the planner's floor", async () => {
    const { repository, service } = engine;
    const unseen = await repository.estimate(buildUnseenLexemeEstimateSql());
    assert.ok(unseen > 0);
    const corrected = async (q: string) => {
      const request = service.parse({ q });
      const [row] = await repository.one<{ q: string }>(buildTsquerySql(request)!);
      const resolved = dedupeTsquery(row!.q);
      const planned = await repository.estimate(buildMatchEstimateSql(request, resolved));
      const alternatives = loneLexemeAlternatives(resolved);
      return { planned, alternatives, corrected: correctedEstimate(planned, alternatives, unseen) };
    };
    // A word no document has, stemmed differently by several configurations: each stem counted
    // the floor, the corrected estimate counts it once.
    const absent = await corrected('quixotically');
    assert.ok(absent.alternatives > 1, `stems: ${absent.alternatives}`);
    assert.ok(absent.planned > unseen * 1.5, `planned ${absent.planned}, unseen ${unseen}`);
    assert.equal(absent.corrected, unseen);
    // A word in half the documents keeps its estimate, give or take the floor of its variants.
    const common = await corrected('harbour');
    assert.ok(Math.abs(common.corrected - 120) <= 24, `harbour estimated at ${common.corrected}`);
  });

  it("estimates a word's matches from the lexeme statistics as EXPLAIN does, without asking it", async () => {
    const { repository, service } = engine;
    const explained = async (q: string) => {
      const request = service.parse({ q });
      const [row] = await repository.one<{ q: string }>(buildTsquerySql(request)!);
      const resolved = dedupeTsquery(row!.q);
      return {
        resolved,
        planner: await repository.estimate(buildMatchEstimateSql(request, resolved)),
        local: await repository.wordEstimates(resolved),
      };
    };
    const unseen = await repository.estimate(buildUnseenLexemeEstimateSql());
    // Common and rare words, a word no document has, AND, OR, exclusion and a phrase.
    for (const q of [
      'harbour',
      'orchestra',
      'quixotically',
      'harbour election',
      'harbour OR drought',
      'harbour -vaccine',
      '"harbour election"',
    ]) {
      const { resolved, planner, local } = await explained(q);
      assert.ok(local, `no local estimate for ${resolved}`);
      assert.ok(
        Math.abs(local.matches - planner) <= Math.max(1, planner * 0.02),
        `${q} (${resolved}): planner ${planner}, local ${local.matches}`,
      );
      assert.ok(
        Math.abs(local.unseen - unseen) <= 1,
        `unseen: planner ${unseen}, local ${local.unseen}`,
      );
    }
  });

  it('lists the days of the documents at or after a time, also far in the future', async () => {
    const daysSince = async (source: Engine, since: string) =>
      (
        (await source.dataSource.query('SELECT search_published_days($1) AS days', [since])) as {
          days: number[];
        }[]
      )[0]!.days;
    // Documents every hour from 2025-06-01T00:00Z (day 20240) for 240 hours: ten days.
    assert.deepEqual(await daysSince(engine, '2025-06-08T12:00:00Z'), [20247, 20248, 20249]);
    assert.deepEqual(await daysSince(engine, '2025-06-11T00:00:00Z'), []);
    // What a window's cost counts: the calendar days from its first to the newest document's.
    assert.equal(await engine.repository.windowDays('2025-06-08T12:00:00Z'), 3);
    // A feed that dates an article years ahead: its day is listed, however far.
    const ahead = event(24 * 365 * 6);
    const future = await new Engine(false).start([...events.slice(0, 30), ahead], {
      SEARCH_RESULT_CACHE_ENTRIES: '0',
      SEARCH_WALK_SHARE: '1',
      // Reading every match costs less at this size; the window of days is what is tested.
      SEARCH_DAY_MATCH_COST: '0',
    });
    try {
      const aheadDay = Math.floor(Date.parse(ahead.publishedAt!) / 86_400_000);
      assert.deepEqual(await daysSince(future, '2025-06-01T05:00:00Z'), [20240, 20241, aheadDay]);
      // Counted up to tomorrow at most, however far ahead the newest document is dated.
      const now = Date.parse('2026-01-10T12:00:00Z');
      assert.equal(
        await future.repository.windowDays('2025-06-01T05:00:00Z', now),
        20464 - 20240 + 1,
      );
      const statements: string[] = [];
      const one = future.repository.one.bind(future.repository);
      future.repository.one = (query) => {
        statements.push(query.text);
        return one(query);
      };
      const newest = await future.page({ q: 'harbour', sort: 'newest', limit: '3' });
      assert.equal(newest.items[0]!.id, ahead.articleId);
      assert.ok(
        statements.some((text) => text.includes('search_published_days(')),
        'the page was read from a window of days',
      );
      // At the default cost of a day, two days for 16 matches cost more than reading them all.
      statements.length = 0;
      const byCost = new SearchService(
        future.repository,
        Taxonomy.load(),
        searchEnv({ ...process.env, SEARCH_RESULT_CACHE_ENTRIES: '0', SEARCH_WALK_SHARE: '1' }),
      );
      const read = await byCost.page(byCost.parse({ q: 'harbour', sort: 'newest', limit: '3' }));
      assert.deepEqual(
        read.items.map((item) => item.id),
        newest.items.map((item) => item.id),
      );
      assert.ok(statements.length > 0);
      assert.ok(
        statements.every((text) => !text.includes('search_published_days(')),
        'every match was read instead',
      );
    } finally {
      await future.stop();
    }
  });

  it('looks up the window boundaries at start, so searches do not wait for them', async () => {
    const repository = new SearchRepository(
      engine.dataSource,
      searchEnv({ ...process.env }),
      new JsonLogger('search-test', 'warn', {}, () => undefined),
    );
    await repository.prefetchWindowBoundaries();
    // With its connections closed, it still knows every window's boundary.
    await repository.onModuleDestroy();
    for (const rank of [45, 64, 91, 128, 16_384]) {
      const boundary = await repository.newestBoundary(rank);
      assert.equal(boundary, await engine.repository.newestBoundary(rank), String(rank));
    }
    await assert.rejects(repository.newestBoundary(100), 'an uncached one needs the database');
  });

  it('keeps answering when the server drops its idle search connections', async () => {
    const before = await engine.page({ q: 'harbour' });
    const terminated = await admin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = '${engine.database}' AND application_name = 'newsfeed-search'`,
    );
    assert.ok(terminated > 0, 'the search pool held idle connections');
    await waitFor('the lost connection to be logged', async () =>
      engine.logLines.some((line) => line.includes('search connection lost')) ? true : undefined,
    );
    assert.deepEqual(await engine.page({ q: 'harbour' }), before);
  });
});

describe('the newest matches of filters without words, from the time index or a bitmap', () => {
  const events = Array.from({ length: DOCS }, (_, i) => event(i));
  const uncached = { SEARCH_RESULT_CACHE_ENTRIES: '0' };
  const walking = new Engine(false);
  const bitmap = new Engine(false);
  const statements: string[] = [];
  before(async () => {
    await walking.start(events, { ...uncached, SEARCH_FILTER_WALK_SHARE: '0' });
    await bitmap.start(events, { ...uncached, SEARCH_FILTER_WALK_SHARE: '1' });
    const one = bitmap.repository.one.bind(bitmap.repository);
    bitmap.repository.one = (query) => {
      statements.push(query.text);
      return one(query);
    };
  });
  after(() => Promise.all([walking.stop(), bitmap.stop()]));

  const requests: Record<string, string>[] = [
    { feed: FEEDS[1]! },
    { feed: FEEDS[2]!, sort: 'newest', collapse: 'story' },
    { lang: 'en', place: 'FR', topic: 'medtop:04000000', feed: FEEDS[1]! },
    { feed: FEEDS[0]!, since: '2025-06-05T00:00:00Z' },
    { place: 'KZ' },
    { entity: 'CSTO' },
  ];
  for (const params of requests) {
    it(`${JSON.stringify(params)}: the same pages and facets either way`, async () => {
      statements.length = 0;
      assert.deepEqual(await bitmap.all(params), await walking.all(params));
      // Each engine indexed the documents itself and signs its cursors with a secret of its
      // own: all but the time of indexing and the signature is the same.
      const firstPage = async (engine: Engine) => {
        const page = await engine.page(params, true);
        return {
          ...page,
          items: page.items.map(({ indexedAt: _, ...item }) => item),
          nextCursor: page.nextCursor !== null,
        };
      };
      assert.deepEqual(await firstPage(bitmap), await firstPage(walking));
      // newestWithin's fence: the bitmap engine read the matches unordered, then sorted them.
      assert.ok(
        statements.some((text) => text.includes('OFFSET 0) w')),
        statements.join('\n'),
      );
    });
  }

  it('finds the oldest documents of a small feed through windows that fall short', async () => {
    // Feed 0 keeps its 12 oldest documents: the newest windows hold none of them.
    const kept = events.filter((e, i) => e.feedId !== FEEDS[0] || i < 36);
    const small = kept.filter((e) => e.feedId === FEEDS[0]);
    const sparse = await new Engine(false).start(kept, {
      ...uncached,
      SEARCH_FILTER_WALK_SHARE: '1',
    });
    try {
      const ids = await sparse.all({ feed: FEEDS[0]! });
      assert.equal(small.length, 12);
      assert.deepEqual(ids, small.map((e) => e.articleId).reverse());
    } finally {
      await sparse.stop();
    }
  });
});

describe('the result cache answers as the database does, also right after changes', () => {
  const events = Array.from({ length: DOCS }, (_, i) => event(i));
  const engine = new Engine(false);
  let uncached: SearchService;
  const requests: Record<string, string>[] = [
    { q: 'harbour' },
    { q: 'harbour', sort: 'newest' },
    { q: 'election vaccine' },
    { q: 'satellite OR orchestra' },
    { q: 'harbour -drought' },
    { q: 'satellite', lang: 'en' },
    { lang: 'en' },
    { topic: 'medtop:04000000' },
    { q: 'harbour', feed: FEEDS[0]! },
    { place: 'FR', since: '2025-06-05T00:00:00Z', until: '2025-06-12T00:00:00Z' },
    { lang: 'en', topic: 'medtop:04000000', feed: FEEDS[1]!, since: '2025-06-03' },
    { entity: 'nobody' },
    { q: 'harbour', place: 'FR', until: '2025-06-09T12:00:00Z', sort: 'newest' },
  ];
  const outcomes = async () =>
    Object.fromEntries(
      (await searchCacheRequests.get()).values.map((v) => [String(v.labels.outcome), v.value]),
    );

  before(async () => {
    // Fewer candidates than "harbour" has matches (120), so sets are prefixes that must slide.
    const settings = {
      SEARCH_CANDIDATES: '100',
      SEARCH_FACET_SCAN: '100',
      SEARCH_CURSOR_SECRET: 'the same secret on both sides',
    };
    await engine.start(events, settings);
    // The database's side reads every answer afresh, sampled facets too.
    const env = searchEnv({
      ...process.env,
      ...settings,
      SEARCH_RESULT_CACHE_ENTRIES: '0',
      SEARCH_FACET_CACHE_MS: '0',
    });
    uncached = new SearchService(engine.repository, Taxonomy.load(), env);
  });
  after(() => engine.stop());

  /** Every page of every request, with facets on first pages, from both services. */
  async function assertSameAnswers(): Promise<void> {
    for (const params of requests) {
      let cursor: string | null = null;
      let pages = 0;
      do {
        const request: Record<string, string> = {
          ...params,
          limit: '15',
          ...(cursor ? { cursor } : {}),
        };
        const [fromCache, fromDatabase]: SearchPage[] = await Promise.all([
          engine.service.page(engine.service.parse(request), { facets: true }),
          uncached.page(uncached.parse(request), { facets: true }),
        ]);
        assert.deepEqual(fromCache, fromDatabase, JSON.stringify(request));
        cursor = fromCache.nextCursor;
        pages++;
      } while (cursor && pages < 20);
    }
  }

  it('pages, ranks, highlights and counts facets alike, then answers from memory', async () => {
    const before = await outcomes();
    await assertSameAnswers();
    await assertSameAnswers();
    const after = await outcomes();
    assert.ok((after.built ?? 0) > (before.built ?? 0), 'queries were cached');
    assert.ok((after.hit ?? 0) - (before.hit ?? 0) >= requests.length, 'repeats were hits');
    // Newest-first and relevance pages of the same words share one set of candidates.
    await engine.page({ q: 'orchestra drought' }, true);
    const between = await outcomes();
    const newest = await engine.page({ q: 'orchestra drought', sort: 'newest' }, true);
    const last = await outcomes();
    assert.equal((last.built ?? 0) - (between.built ?? 0), 0);
    assert.equal((last.hit ?? 0) - (between.hit ?? 0), 1);
    assert.ok(newest.items.length > 0 && newest.items.every((item) => item.rank === 0));
  });

  it('keeps changed documents as the hits the database reads', async () => {
    const ids = (
      await engine.dataSource.query('SELECT article_id::text AS id FROM search_documents LIMIT 5')
    ).map((row: { id: string }) => row.id);
    const read = async ({ text, values }: { text: string; values: unknown[] }) =>
      new Map<string, Record<string, unknown>>(
        (await engine.dataSource.query(text, values)).map((row: Record<string, unknown>) => [
          row.id,
          row,
        ]),
      );
    const documents = await read(buildChangedDocumentsSql(ids));
    const hits = await read(buildHitsByIdSql(undefined, ids));
    assert.equal(hits.size, 5);
    for (const [id, hit] of hits) {
      const { lexemes, rank, ...documentHit } = documents.get(id)!;
      assert.equal(rank, 0);
      assert.ok(
        String(lexemes).startsWith(LEXEME_SEPARATOR) && String(lexemes).endsWith(LEXEME_SEPARATOR),
      );
      assert.deepEqual(documentHit, hit);
    }
  });

  it('rules out by lexemes only documents PostgreSQL does not match', async () => {
    const ids = (
      await engine.dataSource.query('SELECT article_id::text AS id FROM search_documents')
    ).map((row: { id: string }) => row.id);
    const { text, values } = buildChangedDocumentsSql(ids);
    const lexemes = new Map<string, string>(
      (await engine.dataSource.query(text, values)).map((row: { id: string; lexemes: string }) => [
        row.id,
        row.lexemes,
      ]),
    );
    const tsqueries = [
      "'harbour'",
      "'harbour' & 'elect'",
      "'harbour' | 'satellit'",
      "'harb':*",
      "'harbour' <-> 'elect'",
      "'harbour' & !'drought'",
      "!'harbour'",
      "( 'vaccin' | 'drought' ) & 'orchestra':A",
      "'report' <2> 'harbour'",
    ];
    for (const tsquery of tsqueries) {
      const matching = new Set(
        (
          await engine.dataSource.query(
            'SELECT article_id::text AS id FROM search_documents WHERE document @@ $1::tsquery',
            [tsquery],
          )
        ).map((row: { id: string }) => row.id),
      );
      const mayMatch = compileMayMatch(tsquery);
      const ruledOut = ids.filter((id: string) => !mayMatch(lexemes.get(id)!));
      assert.deepEqual(
        ruledOut.filter((id: string) => matching.has(id)),
        [],
        tsquery,
      );
      if (!tsquery.startsWith('!')) assert.ok(ruledOut.length > 0, `${tsquery} rules some out`);
    }
  });

  it('sees new, edited, re-dated and no longer matching documents at once', async () => {
    const index = new PostgresSearchIndex(engine.dataSource);
    const newer = Array.from({ length: 5 }, (_, i) => ({
      ...event(1000 + i * 2),
      title: `Breaking harbour news ${i}`,
    }));
    const edited = (i: number, change: Partial<ArticleClassifiedV1>) => ({
      ...events[i]!,
      version: 2,
      ...change,
    });
    await index.upsert(
      [
        ...newer,
        // The newest "harbour" match stops matching; an old one moves to the front.
        edited(238, { title: 'Report 238', summary: 'Nothing here.', contentText: 'Nothing.' }),
        edited(2, { publishedAt: new Date(Date.UTC(2026, 0, 1)).toISOString() }),
        // An old match moves out of the newest 100; an unmatched one starts matching.
        edited(236, { publishedAt: new Date(Date.UTC(2020, 0, 1)).toISOString() }),
        edited(239, { summary: 'Now about the harbour and a satellite.' }),
      ].map((e) => buildSearchDocument(e, 10_000)),
    );
    // What the api does when it hears the indexer's event: no older look at the index answers.
    engine.service.articlesIndexed();
    const before = await outcomes();
    await assertSameAnswers();
    const after = await outcomes();
    const caughtUpOrRebuilt =
      (after.caught_up ?? 0) - (before.caught_up ?? 0) + (after.built ?? 0) - (before.built ?? 0);
    // Both orders of the same words and filters are one cached query.
    const sets = new Set(requests.map(({ sort: _order, ...rest }) => JSON.stringify(rest)));
    assert.ok(caughtUpOrRebuilt >= sets.size, 'every cached query read the changes');
    const first = await engine.page({ q: 'harbour' });
    assert.ok(first.items.some((item) => item.title.startsWith('Breaking harbour news')));
  });

  it('judges new documents by every filter from the change feed', async () => {
    await assertSameAnswers();
    // Each "harbour" report is on one side of some filter of the requests: each cached query
    // must take it or not from the change feed's copy alone.
    const late = (i: number, day: number, change: Partial<ArticleClassifiedV1>) => ({
      ...event(3000 + i),
      title: `Late harbour report ${i}`,
      publishedAt: new Date(Date.UTC(2025, 5, day)).toISOString(),
      ...change,
    });
    const french = { code: 'fr', confidence: 0.9 };
    await new PostgresSearchIndex(engine.dataSource).upsert(
      [
        late(0, 2, { feedId: FEEDS[1]! }),
        late(1, 9, { feedId: FEEDS[1]! }),
        late(2, 11, {
          language: french,
          places: { countries: [{ code: 'KZ', name: 'Kazakhstan', score: 1 }], cities: [] },
          topics: [{ code: 'medtop:15000000', label: 'sport', score: 0.8 }],
        }),
        late(3, 13, { feedId: FEEDS[0]! }),
      ].map((e) => buildSearchDocument(e, 10_000)),
    );
    engine.service.articlesIndexed();
    const before = await outcomes();
    await assertSameAnswers();
    const after = await outcomes();
    assert.ok((after.caught_up ?? 0) - (before.caught_up ?? 0) >= requests.length / 2);
  });

  it('sees unannounced changes once SEARCH_CACHE_MAX_STALENESS_MS has passed', async () => {
    const bound = searchEnv({}).SEARCH_CACHE_MAX_STALENESS_MS;
    assert.ok(bound > 0, 'the default bound is what this test measures');
    assert.deepEqual((await engine.page({ q: 'lighthouse' })).items, []);
    await new PostgresSearchIndex(engine.dataSource).upsert([
      buildSearchDocument({ ...event(2000), title: 'Unannounced harbour lighthouse' }, 10_000),
    ]);
    await new Promise((resolve) => setTimeout(resolve, bound + 20));
    const found = await engine.page({ q: 'lighthouse' });
    assert.deepEqual(
      found.items.map((item) => item.title),
      ['Unannounced harbour lighthouse'],
    );
    await assertSameAnswers();
  });
});

describe('the default full-text index', () => {
  const database = `search_default_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  before(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(ADMIN.href);
    url.pathname = `/${database}`;
    const previous = process.env.SEARCH_RUM;
    delete process.env.SEARCH_RUM;
    try {
      await migrate(url.href);
    } finally {
      if (previous !== undefined) process.env.SEARCH_RUM = previous;
    }
    dataSource = await createDataSource({ url: url.href, poolSize: 2 }).initialize();
  });

  after(async () => {
    await dataSource?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('is GIN with a large pending list, even where the server offers RUM', async () => {
    const rows: { indexname: string; indexdef: string; options: string[] | null }[] =
      await dataSource.query(
        `SELECT i.indexname, i.indexdef, c.reloptions AS options FROM pg_indexes i
         JOIN pg_class c ON c.relname = i.indexname
        WHERE i.tablename = 'search_documents' AND i.indexdef ~ 'USING (gin|rum) \\(document'`,
      );
    assert.deepEqual(
      rows.map((row) => row.indexname),
      ['search_documents_document_idx'],
    );
    assert.ok(rows[0]!.options?.includes('gin_pending_list_limit=65536'), String(rows[0]!.options));
    // The filters and the day of publication are intersected with the words inside one scan.
    assert.match(
      rows[0]!.indexdef,
      /USING gin \(document, language, topics, places, entities, \(ARRAY\[\(\(\(published_at AT TIME ZONE 'UTC'::text\)\)::date - '1970-01-01'::date\)\]\)\)/,
    );
    const logger = new JsonLogger('search-test', 'warn', {}, () => undefined);
    const repository = new SearchRepository(dataSource, searchEnv({}), logger);
    assert.equal(await repository.windowsByDay(), true);
    await repository.onModuleDestroy();
  });

  it('serves the language, topic, place, entity and day filters from the text index as well', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    const plans: string[] = [];
    try {
      // Only the text index left to choose (rolled back): an empty table would otherwise be
      // read through whichever index is cheapest to open.
      await runner.query(
        'DROP INDEX search_documents_language_idx, search_documents_topics_idx, search_documents_places_idx',
      );
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query('DROP INDEX search_documents_published_idx');
      const conditions = [
        `language = ANY('{en}'::text[])`,
        `topics && '{medtop:04000000}'`,
        `places && '{KZ}'`,
        `entities && '{CSTO}'`,
        `ARRAY[((published_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01')] && search_published_days(now())`,
        // What a window of days says (search-sql's newestWithin): the days from a subquery.
        `ARRAY[((published_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01')] && (SELECT search_published_days(now()))`,
      ];
      for (const condition of conditions) {
        const rows: { 'QUERY PLAN': string }[] = await runner.query(
          `EXPLAIN SELECT article_id FROM search_documents WHERE ${condition}`,
        );
        plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
      }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const servedConditions = [
      /language = ANY/,
      /topics && /,
      /places && /,
      /entities && /,
      /Index Cond: \(ARRAY\[.*published_at.* && search_published_days\(now\(\)\)\)/,
      /Index Cond: \(ARRAY\[.*published_at.* && \$\d+\)/,
    ];
    plans.forEach((plan, i) => {
      assert.match(plan, /Bitmap Index Scan on search_documents_document_idx/, plan);
      assert.match(plan, servedConditions[i]!, plan);
    });
  });

  it('keeps new documents searchable before and after maintenance merges them', async () => {
    const index = new PostgresSearchIndex(dataSource);
    const events = Array.from({ length: 60 }, (_, i) => event(i));
    await index.upsert(events.map((e) => buildSearchDocument(e, 10_000)));
    const count = async () =>
      (
        await dataSource.query(
          `SELECT count(*)::int AS n FROM search_documents WHERE document @@ to_tsquery('english', 'harbour')`,
        )
      )[0].n as number;
    assert.equal(await count(), 30);
    assert.ok((await index.maintain()) > 0, 'the pending list held the new documents');
    assert.equal(await index.maintain(), 0, 'nothing left to merge');
    assert.equal(await count(), 30);
  });
});

/** Counts the statements that count facets, until stopped. */
function countFacetStatements(repository: SearchRepository): { stop: () => number } {
  let count = 0;
  const one = repository.one.bind(repository);
  repository.one = <T>(query: SqlQuery) => {
    if (query.text.includes('"facetRows"')) count++;
    return one<T>(query);
  };
  return {
    stop: () => {
      repository.one = one;
      return count;
    },
  };
}
