import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { FeedResponder } from './feed-responder.js';
import { FeedsOutController } from './feeds-out.controller.js';

@Module({
  imports: [SearchModule],
  controllers: [FeedsOutController],
  providers: [FeedResponder],
  exports: [FeedResponder],
})
export class FeedsOutModule {}
