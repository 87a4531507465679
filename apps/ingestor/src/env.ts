import { hostname } from 'node:os';
import { z } from 'zod';
import { DEFAULT_PORTS, serviceEnvSchema } from '#config';

const seconds = (min: number, fallback: number) =>
  z.coerce.number().int().min(min).default(fallback);

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
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  FETCH_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  FETCH_USER_AGENT: z.string().min(1).optional(),
  FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  /** Adaptive interval bounds; the default interval is used until a feed's rhythm is known. */
  FEED_MIN_INTERVAL_SECONDS: seconds(1, 600),
  FEED_MAX_INTERVAL_SECONDS: seconds(1, 86_400),
  FEED_DEFAULT_INTERVAL_SECONDS: seconds(1, 3600),
  /** Error backoff: full jitter over min(cap, base * 2^(n-1)), never sooner than the minimum retry. */
  FEED_BACKOFF_BASE_SECONDS: seconds(1, 300),
  FEED_BACKOFF_CAP_SECONDS: seconds(1, 12 * 3600),
  FEED_MIN_RETRY_SECONDS: seconds(1, 60),
  /** A feed failing this many times in a row for this long is parked and probed this often. */
  FEED_PARK_AFTER_FAILURES: z.coerce.number().int().min(1).default(10),
  FEED_PARK_AFTER_SECONDS: seconds(0, 3 * 86_400),
  FEED_PARKED_PROBE_SECONDS: seconds(1, 86_400),
  FEED_GONE_PROBE_SECONDS: seconds(1, 7 * 86_400),
  /** Consecutive polls permanently redirected to one URL before the stored URL changes. */
  FEED_MOVE_CONFIRMATIONS: z.coerce.number().int().min(1).max(100).default(3),
  /** Politeness per host, shared by all replicas through the hosts table. */
  HOST_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(2),
  HOST_MIN_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  /** A poll waits this long at most for its host; then the feed is handed back for later. */
  HOST_MAX_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Host-wide deferral when this many of a host's feeds (and half of them) answer 429/503. */
  HOST_BACKOFF_MIN_FEEDS: z.coerce.number().int().min(1).default(3),
  HOST_BACKOFF_WINDOW_SECONDS: seconds(1, 600),
  HOST_BACKOFF_BASE_SECONDS: seconds(1, 900),
  /**
   * Entries remembered (about 100 bytes each) as stored from their feed, so a changed feed's
   * unchanged entries are skipped before normalising (see articles/stored-entries; 0: none).
   */
  INGESTOR_STORED_ENTRIES: z.coerce.number().int().min(0).max(10_000_000).default(200_000),
});

export type IngestorEnv = z.infer<typeof ingestorEnvSchema>;
