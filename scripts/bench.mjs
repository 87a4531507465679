#!/usr/bin/env node
// `npm run bench`: builds, makes sure PostgreSQL and Kafka run, then runs every compiled
// benchmark (dist/bench/*.bench.js, or those whose name contains an argument) in turn.
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from './lib/paths.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { ensurePostgres, ensureRumExtension } from './lib/postgres.mjs';
import { log, run, useKafkaBrokers } from './lib/process.mjs';

async function main() {
  await ensureBuilt();
  await ensurePostgres();
  await ensureRumExtension();
  await run(process.execPath, [path.join(ROOT, 'scripts/kafka.mjs'), 'start'], { cwd: ROOT });
  useKafkaBrokers();
  const filters = process.argv.slice(2);
  const dir = path.join(DIST, 'bench');
  const benches = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.bench.js'))
    .filter((name) => fs.existsSync(path.join(ROOT, 'bench', name.replace(/\.js$/, '.ts'))))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
  for (const name of benches) {
    log(`\n=== ${name.replace(/\.bench\.js$/, '')} ===`);
    await run(process.execPath, ['--expose-gc', path.join(dir, name)], { cwd: ROOT });
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
