/**
 * Search benchmark: indexing rate through the indexer's real path (buildSearchDocument +
 * PostgresSearchIndex.upsert), then latency of the API's real SQL (buildPageSql) newest-first
 * and relevance-ranked, and mixed queries per second. BENCH_DOCS sets the corpus size
 * (default 200,000; 1,000,000 takes ~5 minutes of both cores just to index). Runs in a
 * throw-away database `search_bench_<random>`.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { ArticleClassifiedV1 } from '#contracts';
import { createDataSource, migrate } from '#database';
import { buildSearchDocument } from '../apps/indexer/src/search-index/build-document.js';
import { PostgresSearchIndex } from '../apps/indexer/src/search-index/postgres-search-index.js';
import { parseSearchRequest } from '../apps/api/src/search/query/index.js';
import { buildPageSql, DEFAULT_SEARCH_SQL_OPTIONS } from '../apps/api/src/search/search-sql.js';

const DOCS = Number(process.env.BENCH_DOCS ?? 200_000);
const BATCH = 1000;
/** Candidates ranked per relevance query (the api's SEARCH_CANDIDATES). */
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? DEFAULT_SEARCH_SQL_OPTIONS.candidates);
const LANGS = ['en', 'fr', 'de', 'es', 'ru'];
const FEEDS = Array.from({ length: 50 }, () => randomUUID());
const admin = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const database = `search_bench_${randomBytes(4).toString('hex')}`;
const url = new URL(admin.href);
url.pathname = `/${database}`;

/** Deterministic pseudo-random words with a Zipf-like spread; `commonword` in 10% of documents. */
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const VOCAB = Array.from(
  { length: 20_000 },
  (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`,
);
const word = () => VOCAB[Math.floor(VOCAB.length * random() ** 3)]!;
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');

function event(i: number): ArticleClassifiedV1 {
  const published = new Date(Date.UTC(2025, 0, 1) + i * 30_000).toISOString();
  const common = i % 10 === 0 ? ' commonword' : '';
  return {
    articleId: randomUUID(),
    version: 1,
    feedId: FEEDS[i % FEEDS.length]!,
    url: `https://example.org/${i}`,
    canonicalUrl: null,
    guid: String(i),
    title: sentence(8) + common,
    summary: sentence(30),
    contentHtml: '',
    contentText: sentence(120),
    author: null,
    feedLanguage: null,
    categories: [],
    publishedAt: published,
    fetchedAt: published,
    contentHash: '0'.repeat(64),
    language: { code: LANGS[i % LANGS.length]!, confidence: 0.9 },
    topics: [
      { code: `medtop:${String(1 + (i % 17)).padStart(2, '0')}000000`, label: 't', score: 0.8 },
    ],
    places: { countries: [{ code: 'FR', name: 'France', score: 1 }], cities: [] },
    entities: [],
    simhash: '0000000000000000',
    storyId: null,
    nearDuplicateOf: null,
    classifierVersion: 'bench',
  };
}

async function index(): Promise<number> {
  const dataSource = await createDataSource({ url: url.href, poolSize: 2 }).initialize();
  const searchIndex = new PostgresSearchIndex(dataSource);
  const started = performance.now();
  for (let i = 0; i < DOCS; i += BATCH) {
    const documents = Array.from({ length: Math.min(BATCH, DOCS - i) }, (_, k) =>
      buildSearchDocument(event(i + k), 100_000),
    );
    await searchIndex.upsert(documents);
    if ((i / BATCH) % 20 === 0) process.stderr.write(`\rindexed ${i + BATCH}/${DOCS}`);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  await dataSource.destroy();
  return DOCS / seconds;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeQuery(client: pg.Client, params: Record<string, string>): Promise<number> {
  const request = parseSearchRequest(params);
  const sql = buildPageSql(request, undefined, {
    ...DEFAULT_SEARCH_SQL_OPTIONS,
    candidates: CANDIDATES,
  });
  const started = performance.now();
  await client.query(sql.text, sql.values);
  return performance.now() - started;
}

async function latency(
  client: pg.Client,
  name: string,
  make: () => Record<string, string>,
  runs = 100,
) {
  for (let i = 0; i < 5; i++) await timeQuery(client, make());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeQuery(client, make()));
  console.log(
    `${name.padEnd(44)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms`,
  );
}

const MIXED: (() => Record<string, string>)[] = [
  () => ({ lang: LANGS[Math.floor(random() * 5)]! }),
  () => ({ q: word() }),
  () => ({ q: `${word()} ${word()}` }),
  () => ({ q: 'commonword' }),
  () => ({ q: word(), sort: 'newest' }),
];

async function mixedQps(seconds: number, concurrency: number): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = new pg.Client({ connectionString: url.href });
      await client.connect();
      return client;
    }),
  );
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        await timeQuery(client, MIXED[count % MIXED.length]!());
        count++;
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  return count / seconds;
}

async function main(): Promise<void> {
  await migrate(url.href);
  console.log(
    `search bench: ${DOCS.toLocaleString('en')} documents, PostgreSQL FTS (GIN, no RUM), ${CANDIDATES} ranked candidates`,
  );
  const rate = await index();
  console.log(
    `indexing rate (buildSearchDocument + upsert, batches of ${BATCH})  ${Math.round(rate)} documents/s`,
  );
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  await client.query('VACUUM ANALYZE search_documents');
  await latency(client, 'newest-first, lang filter', () => ({
    lang: LANGS[Math.floor(random() * 5)]!,
  }));
  await latency(client, 'newest-first, topic filter', () => ({ topic: 'medtop:03000000' }));
  await latency(client, 'relevance, term in 10% of documents', () => ({ q: 'commonword' }));
  await latency(client, 'relevance, random vocabulary word', () => ({ q: word() }));
  await latency(client, 'relevance, two words', () => ({ q: `${word()} ${word()}` }));
  await latency(client, 'relevance, 10% term, collapse=story', () => ({
    q: 'commonword',
    collapse: 'story',
  }));
  await client.end();
  console.log(
    `mixed queries, 2 connections, 5 s                ${Math.round(await mixedQps(5, 2))} queries/s`,
  );
}

try {
  await main();
} finally {
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
}
