import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '#contracts';
import { perProcessGroupId, type ConsumedEvent, type EventHandler } from '#messaging';
import type { JsonLogger } from '#observability';
import { ENV, LOGGER } from '#platform';
import { SearchService } from './search.service.js';

type Removed = typeof TOPICS.feedRemoved;

/**
 * Drops this instance's cached search answers when any instance removed a feed (the removing
 * one already did, before answering). Every api instance has its own consumer group (fan-out),
 * starting at the topic's end: a process that starts later has nothing cached to drop.
 */
@Injectable()
export class FeedRemovedHandler implements EventHandler<Removed> {
  readonly topic = TOPICS.feedRemoved;
  readonly groupId: string;
  readonly startFrom = 'latest';
  readonly groupPerProcess = true;
  private readonly log: JsonLogger;

  constructor(
    private readonly search: SearchService,
    @Inject(ENV) env: { KAFKA_TOPIC_PREFIX: string },
    @Inject(LOGGER) logger: JsonLogger,
  ) {
    this.groupId = perProcessGroupId(env.KAFKA_TOPIC_PREFIX, 'api-feeds-removed');
    this.log = logger.child({ component: 'search' });
  }

  async handleBatch(events: ConsumedEvent<Removed>[]): Promise<void> {
    this.search.feedRemoved();
    for (const { payload } of events) {
      this.log.info('feed removed: cached search answers dropped', {
        feedId: payload.feedId,
        articlesRemoved: payload.articlesRemoved,
      });
    }
  }
}
