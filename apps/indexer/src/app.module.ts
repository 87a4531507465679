import { Module, type DynamicModule } from '@nestjs/common';
import { consumerProvider, RuntimeModule } from '#platform';
import type { JsonLogger } from '#observability';
import type { IndexerEnv } from './env.js';
import { IndexArticlesHandler } from './consumer/index-articles.handler.js';
import { PostgresSearchIndex } from './search-index/postgres-search-index.js';
import { SearchIndexMaintenance } from './search-index/search-index-maintenance.js';
import { INDEXER_ENV, SEARCH_INDEX } from './tokens.js';

@Module({})
export class AppModule {
  static forEnv(env: IndexerEnv, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [RuntimeModule.forService({ service: 'indexer', env, logger })],
      providers: [
        { provide: INDEXER_ENV, useValue: env },
        { provide: SEARCH_INDEX, useClass: PostgresSearchIndex },
        IndexArticlesHandler,
        consumerProvider(IndexArticlesHandler),
        SearchIndexMaintenance,
      ],
    };
  }
}
