import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Parser from 'rss-parser';
import { parseFeed } from '../apps/ingestor/src/parse/index.js';
import { sanitizeEntryContent } from '../apps/ingestor/src/sanitize/index.js';
import { feedFixture } from '../apps/ingestor/src/parse/testing/fixture-paths.js';

/**
 * Parse throughput on the real feeds of rss-parser's own suite, ours next to rss-parser's, on the
 * same bytes (both sides decode the bytes to text inside the timed work). Files rss-parser cannot
 * parse are left out of both sides so the comparison is fair.
 *
 * The machine is shared, so the three workloads run interleaved, round by round, and each figure
 * is the median of its rounds: a burst of load from elsewhere hits all of them alike. The speedup
 * is the ratio of the medians.
 *
 * Memory, measured in an untimed pass after the timing: for each workload, from a collected heap,
 * the peak of V8's used heap sampled after every file while the round's results are kept alive
 * (as a consumer holding them would), above the starting heap; plus the process' peak RSS.
 */

const ROUNDS = Number(process.env['PARSE_BENCH_ROUNDS'] ?? 20);
const folder = feedFixture('rss-parser', 'test', 'input');

/** One round over all files; `sample` is called after each file with the round's results alive. */
type Workload = (sample?: () => void) => Promise<void>;

async function main(): Promise<void> {
  const rssParser = new Parser();
  const files = await comparableFiles(rssParser);
  const bytes = files.reduce((sum, file) => sum + file.length, 0);
  const ours = workload(files, (body) => parseFeed({ body }));
  const oursWithSanitize = workload(files, (body) =>
    parseFeed({ body }).entries.map(sanitizeEntryContent),
  );
  const theirs = workload(files, (body) => rssParser.parseString(body.toString('utf8')));
  const [oursTimes, sanitizeTimes, theirsTimes] = (await interleave(ROUNDS, [
    ours,
    oursWithSanitize,
    theirs,
  ])) as [number[], number[], number[]];
  const mb = bytes / 1e6;
  const mbps = (seconds: number[]) => Number((mb / median(seconds)).toFixed(1));
  const report = {
    files: files.length,
    megabytesPerRound: Number(mb.toFixed(2)),
    rounds: ROUNDS,
    oursMBps: mbps(oursTimes),
    oursWithSanitizeMBps: mbps(sanitizeTimes),
    rssParserMBps: mbps(theirsTimes),
    speedup: Number((median(theirsTimes) / median(oursTimes)).toFixed(2)),
    speedupWithSanitize: Number((median(theirsTimes) / median(sanitizeTimes)).toFixed(2)),
    peakHeapAboveStartMB: {
      ours: await peakHeapMB(ours),
      oursWithSanitize: await peakHeapMB(oursWithSanitize),
      rssParser: await peakHeapMB(theirs),
    },
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log('parse throughput (rss-parser test corpus)');
  console.log(JSON.stringify(report, null, 2));
}

async function comparableFiles(rssParser: Parser): Promise<Buffer[]> {
  const files: Buffer[] = [];
  for (const name of readdirSync(folder).sort()) {
    const body = readFileSync(join(folder, name));
    try {
      await rssParser.parseString(body.toString('utf8'));
      parseFeed({ body });
      files.push(body);
    } catch {
      // not parseable by one of the two: not part of the comparison
    }
  }
  return files;
}

function workload(files: readonly Buffer[], parse: (body: Buffer) => unknown): Workload {
  return async (sample) => {
    const kept: unknown[] = [];
    for (const body of files) {
      kept.push(await parse(body));
      sample?.();
    }
  };
}

/** Seconds per round for each workload, rounds interleaved, after one warm-up round each. */
async function interleave(rounds: number, workloads: readonly Workload[]): Promise<number[][]> {
  const seconds: number[][] = workloads.map(() => []);
  for (const work of workloads) await work();
  for (let round = 0; round < rounds; round++) {
    for (const [index, work] of workloads.entries()) {
      const start = process.hrtime.bigint();
      await work();
      seconds[index]!.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  return seconds;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function peakHeapMB(work: Workload): Promise<number> {
  collectGarbage();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  await work(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  });
  return Number(((peak - start) / 1e6).toFixed(1));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

await main();
