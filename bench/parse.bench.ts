import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { parseFeed } from '../apps/ingestor/src/parse/index.js';
import { sanitizeEntryContent } from '../apps/ingestor/src/sanitize/index.js';
import { feedFixture } from '../apps/ingestor/src/parse/testing/fixture-paths.js';

/**
 * Parse throughput on the real feeds of rss-parser's own suite, ours next to rss-parser's, on the
 * same bytes. Files rss-parser cannot parse are left out of both sides so the comparison is fair.
 */

const ROUNDS = Number(process.env['PARSE_BENCH_ROUNDS'] ?? 20);
const folder = feedFixture('rss-parser', 'test', 'input');

async function main(): Promise<void> {
  const rssParser = new Parser();
  const files: Buffer[] = [];
  for (const name of readdirSync(folder)) {
    const body = readFileSync(join(folder, name));
    try {
      await rssParser.parseString(body.toString('utf8'));
      parseFeed({ body });
      files.push(body);
    } catch {
      // not parseable by one of the two: not part of the comparison
    }
  }
  const bytes = files.reduce((sum, file) => sum + file.length, 0);
  const ours = await measure(ROUNDS, async () => {
    for (const body of files) parseFeed({ body });
  });
  const oursWithSanitize = await measure(ROUNDS, async () => {
    for (const body of files)
      for (const entry of parseFeed({ body }).entries) sanitizeEntryContent(entry);
  });
  const theirs = await measure(Math.max(3, Math.round(ROUNDS / 4)), async () => {
    for (const body of files) await rssParser.parseString(body.toString('utf8'));
  });
  const mb = bytes / 1e6;
  const report = {
    files: files.length,
    megabytesPerRound: Number(mb.toFixed(2)),
    oursMBps: Number((mb / ours).toFixed(1)),
    oursWithSanitizeMBps: Number((mb / oursWithSanitize).toFixed(1)),
    rssParserMBps: Number((mb / theirs).toFixed(1)),
    speedup: Number((theirs / ours).toFixed(1)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log('parse throughput (rss-parser test corpus)');
  console.log(JSON.stringify(report, null, 2));
}

/** Seconds per round, median of the rounds after one warm-up. */
async function measure(rounds: number, work: () => Promise<void>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

await main();
