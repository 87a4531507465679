import { Module } from '@nestjs/common';
import { consumerProvider } from '#platform';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { SearchController } from './search.controller.js';
import { SEARCH_ENV, searchEnv } from './search-env.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';
import { FeedRemovedHandler } from './feed-removed.handler.js';

@Module({
  imports: [TaxonomyModule],
  controllers: [SearchController],
  providers: [
    { provide: SEARCH_ENV, useFactory: () => searchEnv() },
    SearchRepository,
    SearchService,
    FeedRemovedHandler,
    consumerProvider(FeedRemovedHandler),
  ],
  exports: [SearchService, SearchRepository, TaxonomyModule],
})
export class SearchModule {}
