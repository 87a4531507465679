#!/usr/bin/env node
// `npm start`: installs what is missing, builds, starts PostgreSQL checks, Kafka, migrations and
// the four services (restarted if they crash), subscribes to the bundled sample feeds when the
// database is empty, prints where to look, and shuts everything down cleanly on Ctrl-C.
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, CACHE } from './lib/paths.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { ensurePostgres, ensureRumExtension } from './lib/postgres.mjs';
import { LOCAL_KAFKA_PORT, log, portOpen, run, sleep, useKafkaBrokers } from './lib/process.mjs';
import { SupervisedService } from './lib/supervisor.mjs';
import { sampleFeedFiles, startSampleFeedServer } from './lib/sample-feeds.mjs';

const SERVICES = { api: 3000, ingestor: 3001, classifier: 3002, indexer: 3003 };
const SAMPLE_PORT = Number(process.env.SAMPLE_FEEDS_PORT ?? 8090);
const apiUrl = `http://127.0.0.1:${process.env.API_PORT ?? SERVICES.api}`;

async function waitHealthy(name, port, timeoutMs = 90_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(
    `${name} did not become healthy within ${timeoutMs / 1000} s; see .cache/logs/${name}.log`,
  );
}

async function subscribeSamplesIfEmpty() {
  const { items } = await (await fetch(`${apiUrl}/feeds`)).json();
  if (items.length > 0) return 0;
  for (const file of sampleFeedFiles()) {
    const response = await fetch(`${apiUrl}/feeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${SAMPLE_PORT}/${file}` }),
    });
    if (!response.ok) throw new Error(`subscribing ${file} failed: ${await response.text()}`);
  }
  return sampleFeedFiles().length;
}

async function countSearchable() {
  try {
    // A search needs words or a filter: everything published since the epoch.
    const response = await fetch(
      `${apiUrl}/search?since=1970-01-01T00:00:00Z&limit=100&facets=false`,
    );
    return response.ok ? (await response.json()).items.length : 0;
  } catch {
    return 0;
  }
}

async function main() {
  await ensureBuilt();
  await ensurePostgres();
  await ensureRumExtension();
  for (const [name, port] of Object.entries(SERVICES)) {
    if (await portOpen('127.0.0.1', port)) {
      throw new Error(`port ${port} (${name}) is already in use: is newsfeed already running?`);
    }
  }
  const kafkaWasRunning =
    Boolean(process.env.KAFKA_BROKERS) || (await portOpen('127.0.0.1', LOCAL_KAFKA_PORT));
  await run(process.execPath, [path.join(ROOT, 'scripts/kafka.mjs'), 'start'], { cwd: ROOT });
  useKafkaBrokers();
  await run(process.execPath, [path.join(ROOT, 'dist/libs/database/src/cli/migrate.js')], {
    cwd: ROOT,
  });
  const sampleServer = await startSampleFeedServer(SAMPLE_PORT);
  const logDir = path.join(CACHE, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const services = Object.entries(SERVICES).map(
    ([name, port]) =>
      new SupervisedService({
        name,
        script: path.join(ROOT, `dist/apps/${name}/src/main.js`),
        // Loopback is allowed here only so the bundled sample feeds can be polled.
        env: {
          PORT: String(port),
          FETCH_ALLOW_CIDRS: process.env.FETCH_ALLOW_CIDRS ?? '127.0.0.0/8,::1/128',
        },
        logDir,
      }),
  );
  let shuttingDown = false;
  const shutdown = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log('\nstopping services…');
    await Promise.all(services.map((service) => service.stop()));
    sampleServer.close();
    if (!kafkaWasRunning)
      await run(process.execPath, [path.join(ROOT, 'scripts/kafka.mjs'), 'stop']);
    log('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  for (const service of services) service.start();
  await Promise.all(Object.entries(SERVICES).map(([name, port]) => waitHealthy(name, port)));
  const subscribed = await subscribeSamplesIfEmpty();
  if (subscribed > 0)
    log(`subscribed to ${subscribed} bundled sample feeds served on 127.0.0.1:${SAMPLE_PORT}`);
  // The sample feeds share one host, so politeness spaces their first polls by a second or so.
  for (let i = 0; i < 240 && (await countSearchable()) === 0; i += 1) await sleep(250);
  log(`
newsfeed is running (${await countSearchable()} articles searchable so far)
  search API   ${apiUrl}/search?q=almaty
  feeds admin  ${apiUrl}/feeds
  API docs     ${apiUrl}/docs
  dashboard    ${apiUrl}/ops
  health       ${apiUrl}/health   metrics ${apiUrl}/metrics
  service logs ${path.relative(ROOT, logDir)}/<service>.log
Press Ctrl-C to stop.`);
}

main().catch((error) => {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
