import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '#database';
import { createKafka, ensureTopics, allTopicNames } from '#messaging';
import { JsonLogger } from '#observability';
import { repoRoot } from './repo.js';
import { waitFor } from './wait.js';

export type ServiceName = 'api' | 'ingestor' | 'classifier' | 'indexer';

export interface StackOptions {
  services?: ServiceName[];
  env?: Partial<Record<ServiceName, Record<string, string>>>;
}

const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const ADMIN_URL = (() => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
})();

/** A TCP port nothing listens on right now, for a child service. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The real pipeline for one test: its own database and its own topic namespace on the shared
 * broker, the services as child processes exactly as `npm start` runs them.
 */
export class Stack {
  readonly id = randomBytes(4).toString('hex');
  readonly database = `newsfeed_test_${this.id}`;
  readonly databaseUrl = databaseUrl(this.database);
  readonly topicPrefix = `t${this.id}.`;
  readonly ports = new Map<ServiceName, number>();
  readonly output = new Map<ServiceName, string[]>();
  private readonly children = new Map<ServiceName, ChildProcess>();
  readonly kafka = createKafka({
    brokers: BROKERS.split(','),
    clientId: `test-${this.id}`,
    logger: new JsonLogger('test', 'error'),
  });

  constructor(private readonly options: StackOptions = {}) {}

  url(service: ServiceName): string {
    return `http://127.0.0.1:${this.ports.get(service)}`;
  }

  async start(): Promise<this> {
    await migrate(this.databaseUrl);
    await ensureTopics(this.kafka, { prefix: this.topicPrefix, partitions: 3 });
    const services = this.options.services ?? ['api', 'ingestor', 'classifier', 'indexer'];
    for (const service of services) await this.startService(service);
    return this;
  }

  async startService(service: ServiceName): Promise<void> {
    const port = this.ports.get(service) ?? (await freePort());
    this.ports.set(service, port);
    const lines: string[] = this.output.get(service) ?? [];
    this.output.set(service, lines);
    const child = spawn(
      process.execPath,
      [path.join(repoRoot(), `dist/apps/${service}/src/main.js`)],
      {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
          PORT: String(port),
          DATABASE_URL: this.databaseUrl,
          KAFKA_BROKERS: BROKERS,
          KAFKA_TOPIC_PREFIX: this.topicPrefix,
          KAFKA_PARTITIONS: '3',
          FETCH_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
          SCHEDULER_IDLE_MS: '100',
          CLASSIFIER_GROUP_ID: `classifier-${this.id}`,
          INDEXER_GROUP_ID: `indexer-${this.id}`,
          ...this.options.env?.[service],
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.children.set(service, child);
    await waitFor(
      `${service} /health`,
      async () => {
        if (child.exitCode !== null) {
          throw new Error(
            `${service} exited with ${child.exitCode}:\n${lines.slice(-20).join('\n')}`,
          );
        }
        const response = await fetch(`${this.url(service)}/health`);
        return response.ok ? true : undefined;
      },
      60_000,
      200,
    );
  }

  async stopService(
    service: ServiceName,
    signal: NodeJS.Signals = 'SIGTERM',
  ): Promise<number | null> {
    const child = this.children.get(service);
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill(signal);
    const code = await Promise.race([
      exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000)),
    ]);
    if (child.exitCode === null) child.kill('SIGKILL');
    return code;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.children.keys()].map((service) => this.stopService(service)));
    // Best effort and quick: a broker that is slow to confirm must not hold up the suite.
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    await admin.connect();
    await admin
      .deleteTopics({ topics: allTopicNames(this.topicPrefix), timeout: 3000 })
      .catch(() => undefined);
    await admin.disconnect();
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
    await client.end();
  }

  logs(service: ServiceName): string {
    return (this.output.get(service) ?? []).join('\n');
  }
}
