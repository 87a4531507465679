/**
 * Fetch-to-searchable latency through the real pipeline: a local feed farm publishes about
 * LATENCY_RATE (default 100) new articles/s across LATENCY_FEEDS feeds for LATENCY_SECONDS
 * (default 30); the four services run from dist/ as `npm start` runs them (tests/support/stack),
 * on the shared broker with their own topic namespace and database. Every
 * news.articles.indexed.v1 event carries the fetch time of the fetch that saw the entry and the
 * time it became searchable: the bench prints p50/p95/p99 of the difference.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { TOPICS } from '#contracts';
import { FeedServer, rssFeed } from '../tests/support/feed-server.js';
import { Stack } from '../tests/support/stack.js';

const RATE = Number(process.env.LATENCY_RATE ?? 100);
const FEEDS = Number(process.env.LATENCY_FEEDS ?? 10);
const SECONDS = Number(process.env.LATENCY_SECONDS ?? 30);
const DRAIN_MS = 20_000;
const KEPT_ITEMS = 200;
const TICK_MS = 100;

const WORDS = {
  en: 'storm flood council election market shares energy prices rail strike hospital court ruling',
  fr: 'tempête inondation conseil élection marché énergie prix grève hôpital tribunal décision',
  de: 'Sturm Hochwasser Rat Wahl Markt Energie Preise Streik Krankenhaus Gericht Urteil',
};

interface Item {
  guid: string;
  title: string;
  description: string;
  pubDate: string;
}

function sentence(words: string[], n: number, i: number): string {
  return Array.from({ length: n }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ');
}

function newItem(i: number): Item {
  const languages = Object.values(WORDS).map((list) => list.split(' '));
  const words = languages[i % languages.length]!;
  return {
    guid: `latency-${i}`,
    title: `${sentence(words, 8, i)} ${i}`,
    description: `${sentence(words, 40, i + 1)}.`,
    pubDate: new Date().toUTCString(),
  };
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

interface Indexed {
  fetchedAt: string;
  indexedAt: string;
}

function payloadOf(value: Buffer | null): Indexed | undefined {
  if (!value) return undefined;
  const body = JSON.parse(value.toString()) as Indexed & { data?: Indexed };
  return body.data ?? body;
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
    await consumer.connect();
    await consumer.subscribe({
      topic: `${stack.topicPrefix}${TOPICS.articleIndexed}`,
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = payloadOf(message.value);
        if (event) latencies.push(Date.parse(event.indexedAt) - Date.parse(event.fetchedAt));
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
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await stack.stop();
    await server.stop();
  }
}

await main();
