import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import type { JsonLogger } from '#observability';
import { BackgroundLoop, LOGGER } from '#platform';
import type { ClassifierEnv } from '../env.js';
import { CLASSIFIER_ENV } from '../tokens.js';

const prunedCounter = new Counter({
  name: 'newsfeed_lookup_keys_pruned_total',
  help: 'Story lookup keys deleted because their article was published before the retention',
});

/** Rows per DELETE: short transactions that never hold many locks at once. */
const CHUNK = 10_000;
/** How often a sleeping pruner checks whether the service is stopping. */
const STOP_CHECK_MS = 500;

/** The retention in effect: LOOKUP_KEYS_RETENTION_DAYS, at least twice the story window. */
export function lookupKeyRetentionMs(
  env: Pick<ClassifierEnv, 'LOOKUP_KEYS_RETENTION_DAYS' | 'STORY_WINDOW_HOURS'>,
): number {
  return Math.max(env.LOOKUP_KEYS_RETENTION_DAYS * 24, 2 * env.STORY_WINDOW_HOURS) * 3600_000;
}

/**
 * Keeps article_enrichment_keys to the articles a new one can still be linked to: about two dozen
 * keys per article, kept forever, would outgrow every other table. Replicas may prune at once.
 */
@Injectable()
export class LookupKeyPruner extends BackgroundLoop {
  private readonly log: JsonLogger;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLASSIFIER_ENV) private readonly env: ClassifierEnv,
    @Inject(LOGGER) logger: JsonLogger,
  ) {
    super();
    this.log = logger.child({ component: 'lookup-key-pruner' });
  }

  /** Deletes the keys of articles published before now − retention; returns how many. */
  async pruneOnce(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - lookupKeyRetentionMs(this.env));
    let total = 0;
    for (;;) {
      const [{ n }]: { n: number }[] = await this.dataSource.query(
        `WITH gone AS (
           DELETE FROM article_enrichment_keys
            WHERE ctid = ANY (ARRAY(SELECT ctid FROM article_enrichment_keys
                                     WHERE published_at < $1 LIMIT ${CHUNK}))
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [before],
      );
      total += n;
      prunedCounter.inc(n);
      if (n < CHUNK || !this.running) return total;
    }
  }

  protected async run(): Promise<void> {
    const every = this.env.LOOKUP_KEYS_PRUNE_EVERY_MINUTES * 60_000;
    while (this.running) {
      try {
        const pruned = await this.pruneOnce();
        if (pruned > 0) this.log.info('pruned story lookup keys', { pruned });
      } catch (error) {
        this.log.warn('pruning story lookup keys failed; will retry', { error: String(error) });
      }
      for (let waited = 0; waited < every && this.running; waited += STOP_CHECK_MS) {
        await sleep(STOP_CHECK_MS);
      }
    }
  }
}
