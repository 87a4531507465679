import { Module } from '@nestjs/common';
import { FeedsOutModule } from '../feeds-out/feeds-out.module.js';
import { SearchModule } from '../search/search.module.js';
import { StreamModule } from '../stream/stream.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { SavedSearchesController } from './saved-searches.controller.js';
import { SavedSearchesRepository } from './saved-searches.repository.js';

@Module({
  imports: [SearchModule, FeedsOutModule, StreamModule, WebhooksModule],
  controllers: [SavedSearchesController],
  providers: [SavedSearchesRepository],
})
export class SavedSearchesModule {}
