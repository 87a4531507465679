import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../support/repo.js';

interface Exit {
  code: number | null;
  stderr: string;
  ms: number;
}

function runService(service: string, env: Record<string, string>): Promise<Exit> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot(), `dist/apps/${service}/src/main.js`)],
      {
        env: { ...process.env, LOG_LEVEL: 'error', PORT: '0', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr: stderr.trim(), ms: performance.now() - started });
    });
  });
}

function assertOneClearLine(exit: Exit, pattern: RegExp): void {
  assert.equal(exit.code, 1, `exit code (stderr: ${exit.stderr})`);
  assert.match(exit.stderr, pattern);
  assert.equal(exit.stderr.split('\n').length, 1, `one line, no stack trace: ${exit.stderr}`);
}

describe('a service that cannot start says why in one line', () => {
  it('names every invalid environment variable', async () => {
    const exit = await runService('api', {
      PORT: 'eighty',
      KAFKA_BROKERS: 'no-port',
      LOG_LEVEL: 'loud',
    });
    assertOneClearLine(exit, /^api: Invalid environment: .*PORT.*"eighty"/);
    assert.match(exit.stderr, /KAFKA_BROKERS must be a comma-separated list of host:port/);
    assert.match(exit.stderr, /LOG_LEVEL/);
  });

  it('says PostgreSQL is unreachable and how to start it', async () => {
    const exit = await runService('indexer', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/newsfeed',
    });
    assertOneClearLine(
      exit,
      /^indexer: PostgreSQL is not reachable at 127\.0\.0\.1:1 .*pg_ctlcluster/,
    );
  });

  it('says the schema is missing and how to create it', async () => {
    const exit = await runService('api', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    assertOneClearLine(
      exit,
      /^api: The database postgres has no schema yet: run "npm run migrate"/,
    );
  });

  it('says Kafka is unreachable and how to start it, without hanging', async () => {
    const database = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsfeed';
    const { migrate } = await import('#database');
    const url = new URL(database);
    url.pathname = '/newsfeed_startup_check';
    await migrate(url.toString());
    const exit = await runService('classifier', {
      DATABASE_URL: url.toString(),
      KAFKA_BROKERS: '127.0.0.1:1',
    });
    assertOneClearLine(
      exit,
      /^classifier: Kafka is not reachable at 127\.0\.0\.1:1 .*npm run kafka -- start/,
    );
    assert.ok(exit.ms < 20_000, `gave up in ${exit.ms} ms`);
  });
});
