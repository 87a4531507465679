#!/usr/bin/env node
// `npm test`: installs what is missing, builds, starts PostgreSQL and Kafka if needed, runs
// every unit, integration and end-to-end test with node's test runner, then lints.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST } from './lib/paths.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { ensurePostgres, ensureRumExtension } from './lib/postgres.mjs';
import { LOCAL_KAFKA_PORT, log, portOpen, run, useKafkaBrokers } from './lib/process.mjs';

function findFiles(dir, suffix, found = []) {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, suffix, found);
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found;
}

/** Compiled tests whose source was deleted must not run: keep only those with a source file. */
function withSource(files) {
  return files.filter((file) => {
    const source = path.join(ROOT, path.relative(DIST, file)).replace(/\.js$/, '.ts');
    return fs.existsSync(source);
  });
}

async function main() {
  const only = process.argv.slice(2);
  await ensureBuilt();
  await ensurePostgres();
  await ensureRumExtension({ forTests: true });
  const startedKafka =
    !process.env.KAFKA_BROKERS && !(await portOpen('127.0.0.1', LOCAL_KAFKA_PORT));
  await run(process.execPath, [path.join(ROOT, 'scripts/kafka.mjs'), 'start'], { cwd: ROOT });
  useKafkaBrokers();
  const files = withSource([
    ...findFiles(path.join(DIST, 'libs'), '.spec.js'),
    ...findFiles(path.join(DIST, 'apps'), '.spec.js'),
    ...findFiles(path.join(DIST, 'tests'), '.test.js'),
  ]).filter((file) => only.length === 0 || only.some((part) => file.includes(part)));
  log(`running ${files.length} test files`);
  let failed = false;
  try {
    await run(
      process.execPath,
      ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test' } },
    );
  } catch {
    failed = true;
  } finally {
    if (startedKafka && process.env.KEEP_KAFKA !== '1') {
      await run(process.execPath, [path.join(ROOT, 'scripts/kafka.mjs'), 'stop'], { cwd: ROOT });
    }
  }
  if (only.length === 0) {
    try {
      await run(path.join(ROOT, 'node_modules/.bin/eslint'), ['.'], { cwd: ROOT });
      await run(
        path.join(ROOT, 'node_modules/.bin/prettier'),
        ['--check', '--log-level=warn', '.'],
        {
          cwd: ROOT,
        },
      );
      log('lint: clean (eslint, prettier)');
    } catch {
      log('lint: problems found (see above)');
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
