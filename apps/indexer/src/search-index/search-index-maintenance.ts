import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { JsonLogger } from '#observability';
import { BackgroundLoop, LOGGER } from '#platform';
import type { IndexerEnv } from '../env.js';
import { INDEXER_ENV, SEARCH_INDEX } from '../tokens.js';
import type { SearchIndex } from './search-document.js';

const maintenanceWork = new Counter({
  name: 'newsfeed_search_index_maintenance_units_total',
  help: 'Work done folding new documents into the search index (PostgreSQL: GIN pending-list pages merged)',
});

/**
 * Calls the index's maintenance every SEARCH_INDEX_MAINTAIN_MS (0: never, e.g. on replicas that
 * leave it to another). Several replicas may run it: merging an empty pending list is a no-op.
 */
@Injectable()
export class SearchIndexMaintenance extends BackgroundLoop {
  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    super();
  }

  protected async run(): Promise<void> {
    const every = this.env.SEARCH_INDEX_MAINTAIN_MS;
    if (every === 0) return;
    while (this.running) {
      await sleep(every);
      if (!this.running) break;
      try {
        maintenanceWork.inc(await this.index.maintain());
      } catch (error) {
        this.logger.warn('search index maintenance failed; retrying', { error: String(error) });
      }
    }
  }
}
