/**
 * Search benchmark over BENCH_DOCS documents (default 1,000,000) generated in SQL (see
 * search-corpus.ts), through the API's real SearchService and SearchRepository (its own pool,
 * statement_timeout, RUM or GIN plan, facet cache):
 * - latency p50/p95 of newest-first, relevance-ranked (a term in 10% of the documents, words
 *   sampled from the corpus, a term in 60%), collapse=story, facets;
 * - mixed queries per second, 4 concurrent callers: with the result cache off, on (starting
 *   empty, four 10-s runs as it warms), then on while LIVE_INDEXING_RATE new documents/s are
 *   indexed (cached queries then catch up with them before every answer);
 * - indexing rate through the indexer's real path (buildSearchDocument + PostgresSearchIndex
 *   .upsert, with its maintenance merging the GIN pending list every second as the indexer
 *   does, and a last merge inside the measured time) into the full table, BENCH_INDEX_DOCS
 *   (default 20,000) new documents.
 * Runs in a throw-away database `search_bench_<random>`, or in BENCH_DB (kept, and reused when
 * it already holds the corpus); BENCH_PARTS=search or =indexing measures one half. The full-text index is the migrated one: GIN, or RUM when the
 * server has it and SEARCH_RUM=on.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { ArticleClassifiedV1 } from '#contracts';
import { createDataSource, migrate } from '#database';
import { JsonLogger } from '#observability';
import { buildSearchDocument } from '../apps/indexer/src/search-index/build-document.js';
import { PostgresSearchIndex } from '../apps/indexer/src/search-index/postgres-search-index.js';
import { Taxonomy } from '../apps/api/src/taxonomy/taxonomy.js';
import { searchEnv } from '../apps/api/src/search/search-env.js';
import { SearchRepository } from '../apps/api/src/search/search.repository.js';
import { SearchService } from '../apps/api/src/search/search.service.js';
import { searchCacheRequests } from '../apps/api/src/search/cache/result-cache.js';
import { SearchInputError } from '../apps/api/src/search/query/index.js';
import { buildTsquerySql } from '../apps/api/src/search/search-sql.js';
import {
  CORPUS_VERSION,
  COUNTRY_CODES,
  FEED_COUNT,
  generateCorpus,
  LANGUAGE_CODES,
  TOPIC_CODES,
} from './search-corpus.js';
import { seededRandom, zipfIndex } from './seeded-random.js';

const DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000);
const INDEX_DOCS = Number(process.env.BENCH_INDEX_DOCS ?? 20_000);
const INDEX_BATCH = Number(process.env.BENCH_INDEX_BATCH ?? 500);
/** Mixed runs with the result cache, 10 s each, from empty to warm. */
const CACHE_WARMING_SECONDS = 40;
/** New documents per second while the last mixed run searches. */
const LIVE_INDEXING_RATE = 100;
/** BENCH_PARTS=search or =indexing runs one half. */
const PARTS = (process.env.BENCH_PARTS ?? 'search,indexing').split(',');
const admin = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
admin.pathname = '/postgres';
const keep = process.env.BENCH_DB;
const database = keep ?? `search_bench_${randomBytes(4).toString('hex')}`;
const url = new URL(admin.href);
url.pathname = `/${database}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

const random = seededRandom(42);
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;

async function withClient<T>(target: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates (or reuses, with BENCH_DB) the database and fills it with the corpus. */
async function prepare(): Promise<void> {
  const exists = await withClient(admin.href, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
    return found.rowCount !== 0;
  });
  await migrate(url.href);
  const count = exists
    ? await withClient(url.href, async (client) => {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n, obj_description('search_documents'::regclass) AS version
             FROM search_documents`,
        );
        // A corpus of an earlier generator is rebuilt: its figures would not compare.
        return rows[0].version === CORPUS_VERSION ? (rows[0].n as number) : 0;
      })
    : 0;
  if (count >= DOCS) {
    // A run stopped before its clean-up leaves its added documents behind.
    const removed = await withClient(url.href, removeAddedDocuments);
    log(`reusing ${count - removed} documents in ${database}`);
    return;
  }
  await withClient(url.href, (client) => client.query('TRUNCATE search_documents'));
  const started = performance.now();
  await generateCorpus(url.href, { documents: DOCS, log });
  log(`corpus of ${DOCS} documents in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Deletes the documents a run indexed into a kept database, then vacuums: their dead rows are
 * all in the newest days, where every newest-first window looks, and with a million rows
 * autovacuum waits for 200,000 of them, so the next run would step over them on every query.
 */
async function removeAddedDocuments(client: pg.Client): Promise<number> {
  const { rowCount } = await client.query(
    `DELETE FROM search_documents WHERE url LIKE 'https://example.org/new/%'`,
  );
  await client.query('VACUUM search_documents');
  return rowCount ?? 0;
}

async function percentiles(name: string, runs: number, once: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await once().catch(() => undefined);
  const times: number[] = [];
  let refused = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    // A statement_timeout (the API's 400) counts at its full duration.
    await once().catch((error: unknown) => {
      if (!(error instanceof SearchInputError)) throw error;
      refused++;
    });
    times.push(performance.now() - started);
  }
  if (refused) console.log(`${name}: ${refused} of ${runs} refused by statement_timeout`);
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  console.log(
    `${name.padEnd(52)} p50 ${at(50).toFixed(2).padStart(7)} ms  p95 ${at(95).toFixed(2).padStart(7)} ms`,
  );
}

/**
 * Query words as readers would type them: sampled from titles, so frequent words come often.
 * The titles are those of the lowest article ids (random in the corpus), not a sample of the
 * table's pages, so the same database gives the same words whatever its physical layout.
 */
async function sampleWords(): Promise<string[]> {
  return withClient(url.href, async (client) => {
    const { rows } = await client.query<{ title: string }>(
      `SELECT title FROM search_documents ORDER BY article_id LIMIT 300`,
    );
    return rows.flatMap((row) => row.title.split(/\s+/)).filter((word) => word.length > 2);
  });
}

/** The corpus's feeds, each with an equal share of the documents. */
async function feedIds(): Promise<string[]> {
  return withClient(url.href, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT md5('feed' || n)::uuid::text AS id FROM generate_series(1, ${FEED_COUNT}) n`,
    );
    return rows.map((row) => row.id);
  });
}

/**
 * Per language, how many of the sampled titles' first words find the article they came from, as
 * the api searches them: words that find nothing would time empty answers (the corpus's
 * Japanese did until its words were segmented as the indexer segments them).
 */
async function wordsFindTheirArticles(service: SearchService): Promise<string> {
  return withClient(url.href, async (client) => {
    const { rows } = await client.query<{ id: string; language: string; title: string }>(
      `SELECT article_id AS id, language, title FROM search_documents ORDER BY article_id LIMIT 300`,
    );
    const tally = new Map<string, { found: number; asked: number }>();
    for (const row of rows) {
      const word = row.title.split(/\s+/).find((candidate) => candidate.length > 2);
      const query = word ? buildTsquerySql(service.parse({ q: word })) : undefined;
      if (!query) continue;
      const [{ q }] = (await client.query<{ q: string }>(query.text, query.values)).rows as [
        { q: string },
      ];
      const found = await client.query(
        'SELECT 1 FROM search_documents WHERE article_id = $1 AND document @@ $2::tsquery',
        [row.id, q],
      );
      const counts = tally.get(row.language) ?? { found: 0, asked: 0 };
      counts.asked++;
      counts.found += found.rowCount ?? 0;
      tally.set(row.language, counts);
    }
    return [...tally]
      .map(([language, { found, asked }]) => `${language} ${found}/${asked}`)
      .join(', ');
  });
}

async function documentShare(word: string): Promise<string> {
  return withClient(url.href, async (client) => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM search_documents WHERE document @@ plainto_tsquery('simple', $1))::float8 /
              greatest(1, (SELECT count(*) FROM search_documents)) AS share`,
      [word],
    );
    return `${(Number(rows[0].share) * 100).toFixed(1)}%`;
  });
}

type Params = Record<string, string>;

/** What readers and delivery ask for, by weight: mostly browsing and polling, then searching. */
function mixedWorkload(word: () => string): [number, string, () => Params][] {
  return [
    [
      30,
      'newest-first, lang or topic filter',
      () => pick<Params>([{ lang: pick(LANGUAGE_CODES) }, { topic: pick(TOPIC_CODES) }]),
    ],
    [15, 'newest-first, a word', () => ({ q: word(), sort: 'newest' })],
    [35, 'relevance, a word', () => ({ q: word() })],
    [10, 'relevance, two words', () => ({ q: `${word()} ${word()}` })],
    [10, 'relevance, the 10% term', () => ({ q: 'commonword' })],
  ];
}

/**
 * Words as query logs ask for them: the k-th most asked one k times rarer than the first (Zipf,
 * s = 1), popularity assigned in sample order.
 */
function zipfWords(words: string[]): () => string {
  const distinct = [...new Set(words)];
  const index = zipfIndex(distinct.length, 1, random);
  return () => distinct[index()]!;
}

/**
 * Mixed throughput with one way of drawing query words: the cache off, then on from empty for
 * CACHE_WARMING_SECONDS in 10-s runs, then on and off while LIVE_INDEXING_RATE documents/s
 * arrive.
 */
async function mixedSeries(
  uncached: SearchService,
  cached: SearchService,
  words: () => string,
  draw: string,
): Promise<void> {
  const mix = mixedWorkload(words)
    .map(([weight, name]) => `${weight}% ${name}`)
    .join(', ');
  console.log(`mixed workload (${mix}; facets on, first pages), query words drawn ${draw}:`);
  await mixedQps(uncached, words, 10, 4, 'result cache off');
  const liveBefore = liveBytes();
  for (let second = 0; second < CACHE_WARMING_SECONDS; second += 10) {
    await mixedQps(cached, words, 10, 4, `result cache on, ${second}–${second + 10} s`);
  }
  console.log(
    `  result cache memory: ${Math.round((liveBytes() - liveBefore) / 2 ** 20)} MB live ` +
      '(heap and typed arrays after a collection)',
  );
  for (const [service, label] of [
    [cached, 'cache on'],
    [uncached, 'cache off'],
  ] as const) {
    const indexing = indexInBackground(LIVE_INDEXING_RATE);
    await mixedQps(service, words, 10, 4, `${label}, indexing ${LIVE_INDEXING_RATE} docs/s`);
    console.log(`  (${await indexing.stop()} documents indexed meanwhile)`);
  }
}

/** What the process holds after a full collection (npm run bench passes --expose-gc). */
function liveBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function mixedQps(
  service: SearchService,
  words: () => string,
  seconds: number,
  callers: number,
  label: string,
) {
  const workload = mixedWorkload(words);
  const total = workload.reduce((sum, [weight]) => sum + weight, 0);
  const next = () => {
    let r = random() * total;
    for (const [weight, , make] of workload) if ((r -= weight) < 0) return make();
    return workload[0]![2]();
  };
  const outcomesBefore = await cacheOutcomes();
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < deadline) {
        // A statement_timeout is the API's 400 "query_too_costly": counted, not fatal.
        await service.page(service.parse(next()), { facets: true }).catch((error: unknown) => {
          if (!(error instanceof SearchInputError)) throw error;
          refused++;
        });
        count++;
      }
    }),
  );
  if (refused) console.log(`  mixed queries refused by statement_timeout: ${refused} of ${count}`);
  const outcomes = Object.entries(await cacheOutcomes())
    .map(([outcome, n]) => [outcome, n - (outcomesBefore[outcome] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${outcome} ${Math.round((100 * n) / count)}%`);
  console.log(
    `  ${callers} callers, ${seconds} s, ${label}`.padEnd(52) +
      ` ${Math.round(count / seconds)} queries/s` +
      (outcomes.length ? ` (result cache: ${outcomes.join(', ')})` : ''),
  );
}

async function cacheOutcomes(): Promise<Record<string, number>> {
  const metric = await searchCacheRequests.get();
  return Object.fromEntries(metric.values.map((v) => [String(v.labels.outcome), v.value]));
}

/**
 * New documents at `perSecond` through the indexer's upsert, with its merge every second, until
 * stopped: the load a live system searches under (cached queries then catch up).
 */
function indexInBackground(perSecond: number): { stop: () => Promise<number> } {
  const dataSourcePromise = createDataSource({ url: url.href, poolSize: 2 }).initialize();
  const feeds = Array.from({ length: 50 }, () => randomUUID());
  let stopped = false;
  let indexed = 0;
  const running = (async () => {
    const dataSource = await dataSourcePromise;
    const index = new PostgresSearchIndex(dataSource);
    const started = performance.now();
    let merged = started;
    while (!stopped) {
      const due = Math.floor(((performance.now() - started) / 1000) * perSecond) - indexed;
      if (due > 0) {
        const batch = Array.from({ length: due }, (_, i) => event(1_000_000 + indexed + i, feeds));
        await index.upsert(batch.map((e) => buildSearchDocument(e, 100_000)));
        indexed += due;
      }
      if (performance.now() - merged >= 1000) {
        await index.maintain();
        merged = performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await dataSource.destroy();
  })();
  return {
    stop: async () => {
      stopped = true;
      await running;
      return indexed;
    },
  };
}

async function measureSearch(): Promise<void> {
  const dataSource = await createDataSource({ url: url.href, poolSize: 2 }).initialize();
  const env = searchEnv({ ...process.env, SEARCH_POOL_SIZE: '6' });
  const repository = new SearchRepository(dataSource, env, new JsonLogger('search-bench', 'warn'));
  // As the api starts it (Nest calls this hook once the application is up).
  repository.onApplicationBootstrap();
  // Latencies are the database's: a repeated query would otherwise be answered from memory.
  const uncachedEnv = { ...env, SEARCH_RESULT_CACHE_ENTRIES: 0 };
  const service = new SearchService(repository, Taxonomy.load(), uncachedEnv);
  const cached = () => new SearchService(repository, Taxonomy.load(), env);
  const engine = await repository.searchEngine();
  const words = await sampleWords();
  const counts = await withClient(
    url.href,
    async (client) =>
      (await client.query('SELECT count(*)::int AS n FROM search_documents')).rows[0].n as number,
  );
  console.log(
    `search bench: ${counts.toLocaleString('en')} documents, full-text index ${engine.toUpperCase()}, ` +
      `${env.SEARCH_CANDIDATES} ranked candidates, statement_timeout ${env.SEARCH_STATEMENT_TIMEOUT_MS} ms`,
  );
  console.log('latencies: every query read from the database (result cache off)');
  console.log(
    `document share: commonword ${await documentShare('commonword')}, everyword ${await documentShare('everyword')}, ` +
      `sampled word "${words[0]}" ${await documentShare(words[0]!)}`,
  );
  console.log(
    `sampled title words that find their own article: ${await wordsFindTheirArticles(service)}`,
  );
  const page =
    (params: () => Params, facets = false) =>
    () =>
      service.page(service.parse(params()), { facets });
  await percentiles(
    'newest-first, lang filter',
    200,
    page(() => ({ lang: pick(LANGUAGE_CODES) })),
  );
  await percentiles(
    'newest-first, topic filter',
    200,
    page(() => ({ topic: pick(TOPIC_CODES) })),
  );
  await percentiles(
    'newest-first, sampled word',
    200,
    page(() => ({ q: pick(words), sort: 'newest' })),
  );
  const feeds = await feedIds();
  await percentiles(
    'newest-first, feed filter (0.5% of documents)',
    200,
    page(() => ({ feed: pick(feeds) })),
  );
  await percentiles(
    'newest-first, entity or place no document has',
    200,
    page(() => pick<Params>([{ entity: `Nobody ${pick(words)}` }, { place: 'KZ' }])),
  );
  await percentiles('newest-first, lang filter, facets (cache cold)', 50, async () => {
    await service.page(
      service.parse({
        lang: pick(LANGUAGE_CODES),
        since: new Date(Date.now() - random() * 1e10).toISOString(),
      }),
      { facets: true },
    );
  });
  await percentiles(
    'relevance, term in 10% of documents',
    100,
    page(() => ({ q: 'commonword' })),
  );
  await percentiles(
    'relevance, sampled word',
    200,
    page(() => ({ q: pick(words) })),
  );
  await percentiles(
    'relevance, two sampled words',
    200,
    page(() => ({ q: `${pick(words)} ${pick(words)}` })),
  );
  await percentiles(
    'relevance, term in 60% of documents',
    50,
    page(() => ({ q: 'everyword' })),
  );
  await percentiles(
    'relevance, 10% term, collapse=story',
    50,
    page(() => ({ q: 'commonword', collapse: 'story' })),
  );
  await percentiles(
    'relevance, sampled word, lang filter, facets',
    100,
    page(() => ({ q: pick(words), lang: pick(LANGUAGE_CODES) }), true),
  );
  await percentiles(
    'relevance, sampled word, topic filter, facets',
    100,
    page(() => ({ q: pick(words), topic: pick(TOPIC_CODES) }), true),
  );
  await percentiles(
    'relevance, sampled word, place filter, facets',
    100,
    page(() => ({ q: pick(words), place: pick(COUNTRY_CODES) }), true),
  );
  console.log(`result cache: up to ${env.SEARCH_RESULT_CACHE_ENTRIES} queries`);
  await mixedSeries(service, cached(), () => pick(words), 'uniformly from the sample');
  await mixedSeries(service, cached(), zipfWords(words), 'by Zipf’s law (s = 1)');
  await repository.onModuleDestroy();
  await dataSource.destroy();
}

function event(i: number, feeds: string[]): ArticleClassifiedV1 {
  const words = (n: number) =>
    Array.from({ length: n }, () => `w${Math.floor(30_000 * random() ** 3).toString(36)}`).join(
      ' ',
    );
  const published = new Date(Date.now() - i * 1000).toISOString();
  return {
    articleId: randomUUID(),
    version: 1,
    feedId: feeds[i % feeds.length]!,
    url: `https://example.org/new/${i}`,
    canonicalUrl: null,
    guid: String(i),
    title: words(10),
    summary: words(40),
    contentHtml: '',
    contentText: words(80),
    author: null,
    feedLanguage: null,
    categories: [],
    publishedAt: published,
    fetchedAt: published,
    contentHash: '0'.repeat(64),
    language: { code: LANGUAGE_CODES[i % 5]!, confidence: 0.9 },
    topics: [{ code: TOPIC_CODES[i % TOPIC_CODES.length]!, label: 't', score: 0.8 }],
    places: { countries: [{ code: 'FR', name: 'France', score: 1 }], cities: [] },
    entities: [],
    simhash: '0000000000000000',
    storyId: null,
    nearDuplicateOf: null,
    classifierVersion: 'bench',
  };
}

/** Documents/s through buildSearchDocument + upsert into the full table, and re-deliveries. */
async function measureIndexing(): Promise<void> {
  const dataSource = await createDataSource({ url: url.href, poolSize: 2 }).initialize();
  const index = new PostgresSearchIndex(dataSource);
  const feeds = Array.from({ length: 50 }, () => randomUUID());
  const events = Array.from({ length: INDEX_DOCS }, (_, i) => event(i, feeds));
  const rate = async (label: string) => {
    const started = performance.now();
    // The indexer's maintenance every second, on its own connection, as in the service.
    let merging: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      merging = merging.then(() => index.maintain());
    }, 1000);
    for (let i = 0; i < events.length; i += INDEX_BATCH) {
      const batch = events.slice(i, i + INDEX_BATCH);
      await index.upsert(batch.map((e) => buildSearchDocument(e, 100_000)));
    }
    clearInterval(timer);
    await merging;
    await index.maintain();
    const perSecond = events.length / ((performance.now() - started) / 1000);
    console.log(`${label.padEnd(52)} ${Math.round(perSecond)} documents/s`);
  };
  await rate(`indexing ${INDEX_DOCS} new documents, batches of ${INDEX_BATCH}`);
  await rate(`re-delivering the same ${INDEX_DOCS} (skipped)`);
  await dataSource.destroy();
}

try {
  await prepare();
  if (PARTS.includes('search')) await measureSearch();
  if (PARTS.includes('indexing')) await measureIndexing();
} finally {
  if (!keep) {
    await withClient(admin.href, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
    );
  } else {
    await withClient(url.href, removeAddedDocuments);
  }
}
