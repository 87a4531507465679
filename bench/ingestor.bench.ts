/**
 * Feeds polled per second by the real ingestor loop (FeedPoller → FeedClaims → FeedFetchPipeline
 * with the shared host gate, PostgreSQL and a connected Kafka producer; the outbox relay running)
 * against a local farm of 10,000 feeds on 500 loopback hosts, mostly answering 304.
 *
 *   npm run build && node dist/bench/ingestor.bench.js
 * (compiled, not through tsx: Nest's injection needs the decorator metadata tsc emits.)
 *
 * Knobs (env): BENCH_FEEDS (10000), BENCH_HOSTS (500), BENCH_CHANGED (0.05 = share of polls that
 * find a new entry), BENCH_CONCURRENCY (FETCH_CONCURRENCY, 96), BENCH_HOST_DELAY_MS (1000: the
 * production politeness delay per host), BENCH_DUE_SPREAD_MS (60000: the feeds fell due over the
 * last minute; 0 = all at the same instant), DATABASE_URL, KAFKA_BROKERS.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { register } from 'prom-client';
import { parseEnv } from '#config';
import { migrate } from '#database';
import { allTopicNames, createKafka, ensureTopics } from '#messaging';
import { JsonLogger } from '#observability';
import { AppModule } from '../apps/ingestor/src/app.module.js';
import { ingestorEnvSchema } from '../apps/ingestor/src/env.js';
import { hostAddress } from './ingestor-hosts.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 10_000);
const HOSTS = Number(process.env.BENCH_HOSTS ?? 500);
const CHANGED = Number(process.env.BENCH_CHANGED ?? 0.05);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '96';
const HOST_DELAY_MS = process.env.BENCH_HOST_DELAY_MS ?? '1000';
const DUE_SPREAD_MS = Number(process.env.BENCH_DUE_SPREAD_MS ?? 60_000);
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const ADMIN_URL = Object.assign(
  new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
  { pathname: '/postgres' },
).toString();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, hostAddress(0), () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startFarm(port: number): Promise<ChildProcess> {
  const self = fileURLToPath(import.meta.url);
  const script = self.replace(/ingestor\.bench\.(ts|js)$/, 'ingestor-farm.$1');
  const child = fork(script, [HOSTS, FEEDS, CHANGED, port].map(String), { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`farm exited with ${code}`)));
  });
}

function farmStats(
  farm: ChildProcess,
): Promise<{ requests: number; notModified: number; changed: number }> {
  return new Promise((resolve) => {
    farm.once('message', (message) => resolve(message as Awaited<ReturnType<typeof farmStats>>));
    farm.send({ stats: true });
  });
}

async function pollsByOutcome(): Promise<Map<string, number>> {
  const metric = register.getSingleMetric('newsfeed_feed_polls_total');
  const values = metric ? (await metric.get()).values : [];
  return new Map(values.map((value) => [String(value.labels.outcome), value.value]));
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

async function seedFeeds(databaseUrl: string, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // Feeds polled before: validators stored, so a poll is a conditional GET; each fell due at some
  // moment of the last minute, as jittered schedules do. (All due at the same instant, claims take
  // them in table order and the hosts at the end of the table start late; see the report.)
  await client.query(
    `INSERT INTO feeds (id, url, etag, next_fetch_at, last_success_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $4::timestamptz[])`,
    [
      Array.from({ length: FEEDS }, () => randomUUID()),
      Array.from(
        { length: FEEDS },
        (_, n) => `http://${hostAddress(n % HOSTS)}:${port}/feed/${n}.xml`,
      ),
      Array.from({ length: FEEDS }, () => '"v0"'),
      Array.from(
        { length: FEEDS },
        () => new Date(Date.now() - 1000 - Math.random() * DUE_SPREAD_MS),
      ),
    ],
  );
  await client.end();
}

async function main(): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const database = `ingestor_bench_${id}`;
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
  const prefix = `bench${id}.`;
  const kafka = createKafka({
    brokers: BROKERS.split(','),
    clientId: `bench-${id}`,
    logger: new JsonLogger('bench', 'error'),
  });
  const port = await freePort();
  const farm = await startFarm(port);
  await migrate(databaseUrl);
  await ensureTopics(kafka, { prefix, partitions: 3 });
  await seedFeeds(databaseUrl, port);

  const env = parseEnv(ingestorEnvSchema, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: BROKERS,
    KAFKA_TOPIC_PREFIX: prefix,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    FETCH_ALLOW_CIDRS: '127.0.0.0/8',
    FETCH_CONCURRENCY: CONCURRENCY,
    HOST_MIN_DELAY_MS: HOST_DELAY_MS,
    SCHEDULER_IDLE_MS: '50',
    INGESTOR_WORKER_ID: `bench-${id}`,
  });
  const logger = new JsonLogger('ingestor', env.LOG_LEVEL);
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 100);

  const started = performance.now();
  const app = await NestFactory.createApplicationContext(AppModule.forEnv(env, logger), {
    logger: false,
  });
  await app.init();
  const marks: { at: number; polls: number }[] = [];
  for (;;) {
    const polls = total(await pollsByOutcome());
    marks.push({ at: performance.now(), polls });
    if (polls >= FEEDS || performance.now() - started > 300_000) break;
    if (marks.length % 25 === 0)
      process.stderr.write(
        `  … ${polls} polls after ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
    await sleep(200);
  }
  const finished = performance.now();
  const outcomes = await pollsByOutcome();
  const deferredMetric = register.getSingleMetric('newsfeed_feed_polls_deferred_total');
  const handedBackPolls = deferredMetric ? ((await deferredMetric.get()).values[0]?.value ?? 0) : 0;
  const stats = await farmStats(farm);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const drainStart = performance.now();
  while (Number((await client.query('SELECT count(*) AS n FROM outbox')).rows[0].n) > 0) {
    if (performance.now() - drainStart > 60_000) break;
    await sleep(100);
  }
  const drainMs = performance.now() - drainStart;
  const articles = Number((await client.query('SELECT count(*) AS n FROM articles')).rows[0].n);
  const handedBack = Number(
    (await client.query(`SELECT count(*) AS n FROM feeds WHERE last_fetched_at IS NULL`)).rows[0].n,
  );
  await client.end();
  clearInterval(sampler);
  await app.close();

  const polls = total(outcomes);
  const seconds = (finished - started) / 1000;
  const steady = steadyRate(marks, polls);
  const firstPoll = marks.find((mark) => mark.polls > 0)?.at ?? started;
  const sinceFirst = (polls * 1000) / (finished - firstPoll);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `ingestor poll loop: ${FEEDS} feeds on ${HOSTS} loopback hosts, FETCH_CONCURRENCY=${CONCURRENCY}, ` +
      `HOST_MIN_DELAY_MS=${HOST_DELAY_MS}, HOST_MAX_CONCURRENCY=${env.HOST_MAX_CONCURRENCY}, changed share ${CHANGED}`,
  );
  console.log(`  polls completed      ${polls} in ${seconds.toFixed(1)} s (incl. start-up)`);
  console.log(
    `  feeds polled/s       ${(polls / seconds).toFixed(0)} incl. start-up, ` +
      `${sinceFirst.toFixed(0)} from the first poll, ${steady.toFixed(0)} steady (10%-90% of the feeds)`,
  );
  console.log(`  outcomes             ${[...outcomes].map(([k, v]) => `${k}=${v}`).join(' ')}`);
  console.log(
    `  farm answers         ${stats.requests} requests, ${stats.notModified} x 304, ${stats.changed} x 200`,
  );
  console.log(
    `  articles stored      ${articles}; feeds never polled ${handedBack}; handed back (host busy) ${handedBackPolls}; outbox drained ${drainMs.toFixed(0)} ms after the last poll`,
  );
  console.log(
    `  peak memory          rss ${mb(peakRss)} MB, heap ${mb(peakHeap)} MB (ingestor process; the farm is a child process)`,
  );

  farm.send({ stop: true });
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: allTopicNames(prefix) }).catch(() => undefined);
  await admin.disconnect();
  if (process.env.BENCH_KEEP_DB) return void console.log(`  kept database ${database}`);
  const dropper = new pg.Client({ connectionString: ADMIN_URL });
  await dropper.connect();
  await dropper.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await dropper.end();
}

/** Polls per second between 10% and 90% of the feeds (start-up and the tail excluded). */
function steadyRate(marks: { at: number; polls: number }[], polls: number): number {
  const from = marks.find((mark) => mark.polls >= polls * 0.1);
  const to = marks.find((mark) => mark.polls >= polls * 0.9);
  if (!from || !to || to.at === from.at) return 0;
  return ((to.polls - from.polls) * 1000) / (to.at - from.at);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
