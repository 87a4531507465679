import 'reflect-metadata';
import { parseEnv } from '#config';
import { createDataSource } from '#database';
import { indexerEnvSchema } from '../env.js';
import { reindexAll, type ReindexProgress } from './reindex-all.js';

function progressLine({ done, total, written }: ReindexProgress, started: number): string {
  const share = total === 0 ? 1 : done / total;
  const width = 30;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
  return `\r[${bar}] ${done}/${total} articles, ${written} documents written, ${rate}/s`;
}

/** `npm run reindex`: rebuilds the search index from the articles, with a progress bar. */
async function main(): Promise<void> {
  const env = parseEnv(indexerEnvSchema);
  const dataSource = await createDataSource({
    url: env.DATABASE_URL,
    poolSize: 2,
    applicationName: 'reindex',
  }).initialize();
  const started = Date.now();
  try {
    const result = await reindexAll(dataSource, {
      maxBodyChars: env.INDEX_MAX_BODY_CHARS,
      onProgress: (progress) => process.stdout.write(progressLine(progress, started)),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`${progressLine(result, started)}\ndone in ${seconds} s\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reindex: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
