import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Kafka } from 'kafkajs';
import { qualifiedTopic } from '#contracts';
import { repoRoot } from './repo.js';
import { freePort, type Stack } from './stack.js';
import { waitFor } from './wait.js';

/** What a farm route answers; `delayMs` holds the answer back (to widen overlap windows). */
export interface FarmAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  delayMs?: number;
}

export type FarmRoute = (request: http.IncomingMessage) => FarmAnswer | Promise<FarmAnswer>;

export interface FarmRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

/**
 * A programmable feed farm on loopback that records every request with its headers and the most
 * requests it ever served at once, per path and in total.
 */
export class FeedFarm {
  readonly routes = new Map<string, FarmRoute>();
  readonly requests: FarmRequest[] = [];
  readonly peakPerPath = new Map<string, number>();
  peakTotal = 0;
  private readonly active = new Map<string, number>();
  private activeTotal = 0;
  private server?: http.Server;

  constructor(private readonly host = '127.0.0.1') {}

  async start(port = 0): Promise<string> {
    this.server = http.createServer((request, response) => void this.answer(request, response));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(port, this.host, resolve));
    return this.baseUrl;
  }

  get port(): number {
    return (this.server!.address() as net.AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://${this.host}:${this.port}`;
  }

  hits(path: string): FarmRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async answer(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const path = request.url ?? '/';
    this.requests.push({ path, headers: request.headers, at: Date.now() });
    const now = (this.active.get(path) ?? 0) + 1;
    this.active.set(path, now);
    this.peakPerPath.set(path, Math.max(this.peakPerPath.get(path) ?? 0, now));
    this.activeTotal += 1;
    this.peakTotal = Math.max(this.peakTotal, this.activeTotal);
    try {
      const route = this.routes.get(path);
      const answer: FarmAnswer = route ? await route(request) : { status: 404, body: 'not found' };
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      response.writeHead(answer.status ?? 200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        ...answer.headers,
      });
      response.end(answer.body ?? '');
    } finally {
      this.active.set(path, (this.active.get(path) ?? 1) - 1);
      this.activeTotal -= 1;
    }
  }
}

/** A route with an ETag: 304 when the request's If-None-Match matches, else the body. */
export function conditional(
  current: () => { body: string; etag: string },
  options: { gzip?: boolean; delayMs?: number } = {},
): FarmRoute {
  return (request) => {
    const { body, etag } = current();
    if (request.headers['if-none-match'] === etag)
      return { status: 304, headers: { etag }, delayMs: options.delayMs };
    const headers: Record<string, string> = { etag };
    if (options.gzip) headers['content-encoding'] = 'gzip';
    return { headers, body: options.gzip ? gzipSync(body) : body, delayMs: options.delayMs };
  };
}

/** One ingestor process of a multi-replica test, on the stack's database and topics. */
export class IngestorReplica {
  readonly lines: string[] = [];
  private child?: ChildProcess;
  port = 0;

  constructor(
    private readonly stack: Stack,
    readonly workerId: string,
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<this> {
    this.port = await freePort();
    const child = spawn(
      process.execPath,
      [path.join(repoRoot(), 'dist/apps/ingestor/src/main.js')],
      {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
          PORT: String(this.port),
          DATABASE_URL: this.stack.databaseUrl,
          KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
          KAFKA_TOPIC_PREFIX: this.stack.topicPrefix,
          KAFKA_PARTITIONS: '3',
          FETCH_ALLOW_CIDRS: '127.0.0.0/8,::1/128',
          SCHEDULER_IDLE_MS: '100',
          INGESTOR_WORKER_ID: this.workerId,
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const collect = (chunk: Buffer) =>
      this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.child = child;
    await waitFor(
      `ingestor ${this.workerId} /health`,
      async () => {
        if (child.exitCode !== null)
          throw new Error(`exited with ${child.exitCode}:\n${this.lines.slice(-20).join('\n')}`);
        const response = await fetch(`http://127.0.0.1:${this.port}/health`);
        return response.ok ? true : undefined;
      },
      60_000,
      200,
    );
    return this;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** Collects the JSON payloads published on one of the stack's topics from the beginning. */
export async function collectTopic(
  kafka: Kafka,
  prefix: string,
  topic: string,
): Promise<{ messages: Record<string, unknown>[]; stop: () => Promise<void> }> {
  const messages: Record<string, unknown>[] = [];
  const consumer = kafka.consumer({ groupId: `test-collect-${prefix}${topic}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: qualifiedTopic(prefix, topic), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.value)
        messages.push(JSON.parse(message.value.toString()) as Record<string, unknown>);
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
