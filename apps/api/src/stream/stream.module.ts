import { Module } from '@nestjs/common';
import { consumerProvider } from '#platform';
import { SearchModule } from '../search/search.module.js';
import { IndexedEventsHandler } from './indexed-events.handler.js';
import { StreamController, StreamService } from './stream.controller.js';
import { StreamHub } from './stream-hub.js';

@Module({
  imports: [SearchModule],
  controllers: [StreamController],
  providers: [
    IndexedEventsHandler,
    consumerProvider(IndexedEventsHandler),
    StreamHub,
    StreamService,
  ],
  exports: [StreamService],
})
export class StreamModule {}
