import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TOPICS, type ArticleIndexedV1 } from '#contracts';
import { EventProducer, type ConsumedEvent, type EventHandler } from '#messaging';
import type { IndexerEnv } from '../env.js';
import { buildSearchDocument } from '../search-index/build-document.js';
import type { SearchIndex } from '../search-index/search-document.js';
import { INDEXER_ENV, SEARCH_INDEX } from '../tokens.js';

type Classified = typeof TOPICS.articleClassified;

/** Upserts the search documents of a batch, then announces the ones that became searchable. */
@Injectable()
export class IndexArticlesHandler implements EventHandler<Classified> {
  readonly topic = TOPICS.articleClassified;
  readonly groupId: string;

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly producer: EventProducer,
    private readonly dataSource: DataSource,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
  ) {
    this.groupId = env.INDEXER_GROUP_ID;
  }

  async handleBatch(events: ConsumedEvent<Classified>[]): Promise<void> {
    const documents = events.map((event) =>
      buildSearchDocument(event.payload, this.env.INDEX_MAX_BODY_CHARS),
    );
    const written = await this.index.upsert(documents);
    const indexedAt = new Date().toISOString();
    const announcements = documents
      .filter((document) => written.has(document.articleId))
      .map((document) => {
        const payload: ArticleIndexedV1 = {
          articleId: document.articleId,
          version: document.version,
          engine: this.index.engine,
          textSearchConfig: document.textSearchConfig,
          language: document.language,
          indexedAt,
          fetchedAt: document.fetchedAt.toISOString(),
        };
        return this.producer.encode(TOPICS.articleIndexed, payload, document.articleId);
      });
    await this.producer.sendEncoded(TOPICS.articleIndexed, announcements);
  }

  async dependenciesHealthy(): Promise<boolean> {
    await this.dataSource.query('SELECT 1');
    return true;
  }
}
