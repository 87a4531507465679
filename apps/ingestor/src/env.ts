import { hostname } from 'node:os';
import { z } from 'zod';
import { DEFAULT_PORTS, serviceEnvSchema } from '#config';

export const ingestorEnvSchema = serviceEnvSchema(DEFAULT_PORTS.ingestor, {
  /** Identifies this replica's feed leases; unique per process by default. */
  INGESTOR_WORKER_ID: z.string().min(1).default(`${hostname()}-${process.pid}`),
  /** Feeds fetched at the same time by this replica. */
  FETCH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  /** How long a claimed feed stays leased to this replica before others may take it. */
  FEED_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** How often the scheduler looks for due feeds when none were due. */
  SCHEDULER_IDLE_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  OUTBOX_IDLE_MS: z.coerce.number().int().min(5).max(10_000).default(100),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** CIDRs a feed may resolve to although not public (e.g. 127.0.0.0/8 for local feeds). */
  FETCH_ALLOW_CIDRS: z.string().default(''),
  FETCH_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  FETCH_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  FETCH_USER_AGENT: z.string().min(1).optional(),
  FEED_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
  FEED_MAX_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(86_400),
});

export type IngestorEnv = z.infer<typeof ingestorEnvSchema>;
