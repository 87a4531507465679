/**
 * Fetch-to-searchable latency through the real pipeline: a local feed farm publishes about
 * LATENCY_RATE (default 100) new articles/s across LATENCY_FEEDS feeds for LATENCY_SECONDS
 * (default 30); the four services run from dist/ as `npm start` runs them (tests/support/stack),
 * on the shared broker with their own topic namespace and database. Every
 * news.articles.indexed.v1 event carries the fetch time of the fetch that saw the entry and the
 * time it became searchable: the bench prints p50/p95/p99 of the difference, and where it went:
 * from the fetch to the ingested event, to the classified event, to the indexed event (each
 * event's Kafka timestamp, stamped by its producer).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { TOPICS } from '#contracts';
import { FeedServer, rssFeed } from '../tests/support/feed-server.js';
import { Stack, type ServiceName } from '../tests/support/stack.js';
import { newsText } from './news-text.js';

const RATE = Number(process.env.LATENCY_RATE ?? 100);
const FEEDS = Number(process.env.LATENCY_FEEDS ?? 10);
const SECONDS = Number(process.env.LATENCY_SECONDS ?? 30);
const DRAIN_MS = 20_000;
const KEPT_ITEMS = 200;
const TICK_MS = 100;

interface Item {
  guid: string;
  title: string;
  description: string;
  pubDate: string;
}

function newItem(i: number): Item {
  const { title, text } = newsText(i);
  return { guid: `latency-${i}`, title, description: text, pubDate: new Date().toUTCString() };
}

/** Adds RATE items/s round-robin over the feeds; each feed keeps its newest KEPT_ITEMS. */
function startPublishing(server: FeedServer, feeds: Item[][]): { stop: () => number } {
  let produced = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE) - produced;
    const touched = new Set<number>();
    for (let k = 0; k < due; k++, produced++) {
      const feed = produced % FEEDS;
      feeds[feed]!.unshift(newItem(produced));
      feeds[feed]!.length = Math.min(feeds[feed]!.length, KEPT_ITEMS);
      touched.add(feed);
    }
    for (const feed of touched) {
      server.routes.set(`/f${feed}.xml`, { body: rssFeed(`Feed ${feed}`, feeds[feed]!) });
    }
  }, TICK_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return produced;
    },
  };
}

interface Payload {
  articleId: string;
  fetchedAt: string;
  indexedAt?: string;
}

function payloadOf(value: Buffer | null): Payload | undefined {
  if (!value) return undefined;
  const body = JSON.parse(value.toString()) as Payload & { data?: Payload };
  return body.data ?? body;
}

const STAGES = [
  ['fetch → ingested event', TOPICS.articleIngested],
  ['→ classified event', TOPICS.articleClassified],
  ['→ indexed event', TOPICS.articleIndexed],
] as const;

/** p50/p99 of each stage over the articles seen on every topic. */
function stageReport(fetchedAt: Map<string, number>, times: Map<string, Map<string, number>>) {
  return STAGES.map(([name, topic], i) => {
    const durations = [...fetchedAt]
      .map(([id, fetched]) => {
        const previous = i === 0 ? fetched : times.get(STAGES[i - 1]![1])?.get(id);
        const at = times.get(topic)?.get(id);
        return previous === undefined || at === undefined ? NaN : at - previous;
      })
      .filter((ms) => !Number.isNaN(ms))
      .sort((a, b) => a - b);
    return `${name} p50 ${percentile(durations, 50)} ms, p99 ${percentile(durations, 99)} ms`;
  }).join('; ');
}

/** The sum of a metric's samples (all label sets) on a service's /metrics. */
async function metricTotals(stack: Stack, service: ServiceName): Promise<(name: string) => number> {
  const text = await (await fetch(`${stack.url(service)}/metrics`)).text();
  return (name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** A consumer's batches as its /metrics counts them: how many, how large, how long each took. */
async function batchReport(stack: Stack, service: 'classifier' | 'indexer'): Promise<string> {
  const total = await metricTotals(stack, service);
  const batches = total('newsfeed_event_handler_seconds_count');
  const seconds = total('newsfeed_event_handler_seconds_sum');
  const events = total('newsfeed_events_consumed_total');
  if (!batches) return `${service}: no batches`;
  return (
    `${service} ${batches} batches of ${(events / batches).toFixed(1)} events, ` +
    `${((1000 * seconds) / batches).toFixed(1)} ms each on average`
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const server = new FeedServer();
  await server.start();
  const feeds: Item[][] = Array.from({ length: FEEDS }, () => []);
  feeds.forEach((items, n) =>
    server.routes.set(`/f${n}.xml`, { body: rssFeed(`Feed ${n}`, items) }),
  );
  const stack = new Stack({
    env: {
      ingestor: {
        HOST_MIN_DELAY_MS: '0',
        HOST_MAX_CONCURRENCY: String(FEEDS),
        FEED_MIN_INTERVAL_SECONDS: '1',
        FEED_DEFAULT_INTERVAL_SECONDS: '1',
        FEED_MAX_INTERVAL_SECONDS: '2',
      },
    },
  });
  const consumer = stack.kafka.consumer({ groupId: `latency-${stack.id}` });
  try {
    await stack.start();
    const latencies: number[] = [];
    const fetchedAt = new Map<string, number>();
    const times = new Map<string, Map<string, number>>(
      STAGES.map(([, topic]) => [topic, new Map()]),
    );
    await consumer.connect();
    await consumer.subscribe({
      topics: STAGES.map(([, topic]) => `${stack.topicPrefix}${topic}`),
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const event = payloadOf(message.value);
        if (!event) return;
        const stage = topic.slice(stack.topicPrefix.length);
        times.get(stage)?.set(event.articleId, Number(message.timestamp));
        if (stage !== TOPICS.articleIndexed || !event.indexedAt) return;
        fetchedAt.set(event.articleId, Date.parse(event.fetchedAt));
        latencies.push(Date.parse(event.indexedAt) - Date.parse(event.fetchedAt));
      },
    });
    for (let n = 0; n < FEEDS; n++) {
      const response = await fetch(`${stack.url('api')}/feeds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${server.baseUrl}/f${n}.xml` }),
      });
      if (!response.ok) throw new Error(`subscribing a feed failed: ${await response.text()}`);
    }
    const publishing = startPublishing(server, feeds);
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const produced = publishing.stop();
    const drainEnd = Date.now() + DRAIN_MS;
    while (latencies.length < produced && Date.now() < drainEnd) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `fetch-to-searchable: ${produced} articles published over ${SECONDS} s (${RATE}/s, ${FEEDS} feeds), ` +
        `${sorted.length} indexed`,
    );
    console.log(
      `fetch-to-searchable latency  p50 ${percentile(sorted, 50)} ms  p95 ${percentile(sorted, 95)} ms  ` +
        `p99 ${percentile(sorted, 99)} ms  max ${sorted[sorted.length - 1] ?? NaN} ms`,
    );
    console.log(`where it went: ${stageReport(fetchedAt, times)}`);
    const batches = await Promise.all(
      (['classifier', 'indexer'] as const).map((service) => batchReport(stack, service)),
    );
    console.log(`handler batches: ${batches.join('; ')}`);
    const services: ServiceName[] = ['ingestor', 'classifier', 'indexer', 'api'];
    const resident = await Promise.all(
      services.map(async (service) => {
        const bytes = (await metricTotals(stack, service))(
          'newsfeed_process_resident_memory_bytes',
        );
        return `${service} ${Math.round(bytes / 2 ** 20)} MB`;
      }),
    );
    console.log(`resident memory after the run: ${resident.join(', ')}`);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await stack.stop();
    await server.stop();
  }
}

await main();
