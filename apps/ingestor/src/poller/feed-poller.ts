import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { JsonLogger } from '#observability';
import { BackgroundLoop, LOGGER } from '#platform';
import type { IngestorEnv } from '../env.js';
import { FeedClaims } from '../feeds/feed-claims.js';
import { INGESTOR_ENV } from '../tokens.js';
import { FeedFetchPipeline } from './feed-fetch-pipeline.js';

/**
 * Keeps up to FETCH_CONCURRENCY polls in flight. Once full, it claims again only when a quarter
 * of the slots are free, so under load one claim statement serves several polls.
 */
@Injectable()
export class FeedPoller extends BackgroundLoop {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly claims: FeedClaims,
    private readonly pipeline: FeedFetchPipeline,
    @Inject(INGESTOR_ENV) private readonly env: IngestorEnv,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    super();
  }

  /** After claiming stopped, every poll in flight finishes and commits. */
  protected override async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private get batch(): number {
    return Math.max(1, Math.floor(this.env.FETCH_CONCURRENCY / 4));
  }

  protected async run(): Promise<void> {
    while (this.running) {
      const free = this.env.FETCH_CONCURRENCY - this.inFlight.size;
      let claimed = 0;
      try {
        const feeds = await this.claims.claimDue(free);
        claimed = feeds.length;
        for (const feed of feeds) this.track(this.pipeline.poll(feed), feed.id);
      } catch (error) {
        this.logger.warn('claiming due feeds failed', { error: String(error) });
      }
      if (claimed < free) {
        // Nothing more is due: look again after the idle pause or when a poll ends.
        await Promise.race([sleep(this.env.SCHEDULER_IDLE_MS), ...this.inFlight]);
      }
      await this.untilFree(this.batch);
    }
  }

  private async untilFree(slots: number): Promise<void> {
    while (this.running && this.env.FETCH_CONCURRENCY - this.inFlight.size < slots) {
      await Promise.race(this.inFlight);
    }
  }

  private track(poll: Promise<void>, feedId: string): void {
    const tracked = poll
      .catch((error: unknown) => this.logger.error('poll failed', error, { feedId }))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
