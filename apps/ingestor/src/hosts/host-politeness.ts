import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IngestorEnv } from '../env.js';
import { InProcessHostGate } from '../fetch/host-limiter.js';
import { DEFAULT_HOST_BACKOFF } from '../schedule/host-backoff.js';
import { INGESTOR_ENV } from '../tokens.js';
import { DbHostGate } from './db-host-gate.js';
import { HostThrottle } from './host-throttle.js';
import { SharedHostGate } from './shared-host-gate.js';

/** Per-host politeness of this replica: the shared gate and the host-wide 429/503 deferral. */
@Injectable()
export class HostPoliteness {
  readonly shared: DbHostGate;
  readonly gate: SharedHostGate;
  readonly throttle: HostThrottle;

  constructor(dataSource: DataSource, @Inject(INGESTOR_ENV) env: IngestorEnv) {
    const local = new InProcessHostGate({
      maxConcurrentPerHost: env.HOST_MAX_CONCURRENCY,
      minDelayMs: env.HOST_MIN_DELAY_MS,
    });
    this.shared = new DbHostGate(dataSource, {
      maxConcurrent: env.HOST_MAX_CONCURRENCY,
      minDelayMs: env.HOST_MIN_DELAY_MS,
      // A permit outlives the longest fetch; a dead replica's permits then stop counting.
      permitTtlMs: env.FETCH_TIMEOUT_MS + 30_000,
    });
    this.gate = new SharedHostGate(local, this.shared);
    this.throttle = new HostThrottle(dataSource, this.gate, {
      ...DEFAULT_HOST_BACKOFF,
      windowMs: env.HOST_BACKOFF_WINDOW_SECONDS * 1000,
      minThrottledFeeds: env.HOST_BACKOFF_MIN_FEEDS,
      baseDeferMs: env.HOST_BACKOFF_BASE_SECONDS * 1000,
    });
  }
}
