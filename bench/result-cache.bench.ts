/**
 * The search result cache's admission policy in steady state, without a database: how many
 * queries it answers from memory once full, against plain LRU (what it did before), for a query
 * log where the k-th most asked query is asked k^-s as often as the first over QUERY_KINDS
 * distinct queries, plus one-off queries (a long tail of words and pairs never asked again).
 * The search bench cannot show this: its 40 s of warming never fill 2,000 entries.
 */
import type { ChangeFeed } from '../apps/api/src/search/cache/change-feed.js';
import { ResultCache, type CandidateLoader } from '../apps/api/src/search/cache/result-cache.js';
import { seededRandom, zipfIndex } from './seeded-random.js';

const CAPACITY = 2000;
const QUERY_KINDS = 50_000;
const REQUESTS = 400_000;

const random = seededRandom(7);

/** A change feed where nothing changes: every entry stays current. */
const stillFeed = { sync: async () => 0, changedBetween: () => new Map() } as unknown as ChangeFeed;
const emptyLoader: CandidateLoader = { build: async () => [], reread: async () => [] };

/** Plain LRU of the same capacity: the policy before admission. */
function lruHits(keys: string[]): number {
  const entries = new Map<string, true>();
  let hits = 0;
  for (const key of keys) {
    if (entries.delete(key)) hits++;
    else if (entries.size >= CAPACITY) entries.delete(entries.keys().next().value!);
    entries.set(key, true);
  }
  return hits;
}

async function cacheHits(keys: string[]): Promise<number> {
  const cache = new ResultCache(stillFeed, CAPACITY);
  let hits = 0;
  for (const key of keys) {
    if ((await cache.current(key, 500, emptyLoader)).outcome === 'hit') hits++;
  }
  return hits;
}

async function main(): Promise<void> {
  console.log(
    `result cache, ${CAPACITY} entries, ${REQUESTS.toLocaleString('en')} requests after as many to fill it; ` +
      `hits once full (plain LRU → with admission):`,
  );
  for (const [s, oneOffShare] of [
    [1, 0],
    [1, 0.2],
    [0.8, 0.2],
    [0, 0.1],
  ] as const) {
    const draw = zipfIndex(QUERY_KINDS, s, random);
    let oneOffs = 0;
    const keys = Array.from({ length: 2 * REQUESTS }, () =>
      random() < oneOffShare ? `one-off ${oneOffs++}` : `query ${draw()}`,
    );
    const measured = (hits: number) => `${((100 * hits) / REQUESTS).toFixed(1)} %`;
    const lru = lruHits(keys) - lruHits(keys.slice(0, REQUESTS));
    const admitted = (await cacheHits(keys)) - (await cacheHits(keys.slice(0, REQUESTS)));
    const law = s === 0 ? 'uniformly' : `by Zipf's law, s = ${s}`;
    console.log(
      `  ${QUERY_KINDS.toLocaleString('en')} queries drawn ${law}, ${oneOffShare * 100} % one-offs:`.padEnd(
        66,
      ) + ` ${measured(lru)} → ${measured(admitted)}`,
    );
  }
}

await main();
