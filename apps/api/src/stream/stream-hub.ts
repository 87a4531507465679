import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ArticleIndexedV1 } from '#contracts';
import type { JsonLogger } from '#observability';
import { LOGGER } from '#platform';
import { searchContext, type SearchRequest } from '../search/query/index.js';
import { SearchService, type SearchItem } from '../search/search.service.js';
import { IndexedEventsHandler } from './indexed-events.handler.js';

export interface StreamClient {
  request: SearchRequest;
  deliver(items: SearchItem[]): void;
}

/**
 * Connected clients grouped by what they search for: one query per distinct search and batch
 * of indexed events, however many clients share it.
 */
@Injectable()
export class StreamHub implements OnModuleDestroy {
  private readonly clients = new Set<StreamClient>();
  private readonly unlisten: () => void;
  private readonly log: JsonLogger;

  constructor(
    events: IndexedEventsHandler,
    private readonly search: SearchService,
    @Inject(LOGGER) logger: JsonLogger,
  ) {
    this.log = logger.child({ component: 'stream-hub' });
    this.unlisten = events.listen((batch) => this.dispatch(batch));
  }

  add(client: StreamClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  get size(): number {
    return this.clients.size;
  }

  onModuleDestroy(): void {
    this.unlisten();
  }

  private async dispatch(batch: ArticleIndexedV1[]): Promise<void> {
    // Before anyone is told: a client that heard of an article finds it with its next search,
    // even where the result cache could answer from a look at the index slightly older.
    this.search.articlesIndexed();
    if (this.clients.size === 0) return;
    const ids = [...new Set(batch.map((event) => event.articleId))];
    const groups = new Map<string, StreamClient[]>();
    for (const client of this.clients) {
      const key = searchContext(client.request);
      groups.set(key, [...(groups.get(key) ?? []), client]);
    }
    for (const clients of groups.values()) {
      try {
        const items = await this.search.matching(clients[0]!.request, ids);
        if (items.length) for (const client of clients) client.deliver(items);
      } catch (error) {
        this.log.warn('stream match failed', { error: String(error) });
      }
    }
  }
}
