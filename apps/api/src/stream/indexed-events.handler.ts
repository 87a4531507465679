import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type ArticleIndexedV1 } from '#contracts';
import { perProcessGroupId, type ConsumedEvent, type EventHandler } from '#messaging';
import type { JsonLogger } from '#observability';
import { ENV, LOGGER } from '#platform';

type Indexed = typeof TOPICS.articleIndexed;
export type IndexedListener = (events: ArticleIndexedV1[]) => Promise<void>;

/**
 * Feeds this instance's live streams. Every api instance has its own consumer group (each must
 * see every event: fan-out). The group starts at the topic's end, and events indexed before
 * this process started are skipped: clients catch up with Last-Event-ID instead.
 * Never throws: a stream is best effort and resumable, it must not dead-letter anything.
 */
@Injectable()
export class IndexedEventsHandler implements EventHandler<Indexed> {
  readonly topic = TOPICS.articleIndexed;
  readonly groupId: string;
  readonly startFrom = 'latest';
  readonly groupPerProcess = true;
  private readonly startedAt = Date.now() - 10_000;
  private readonly listeners = new Set<IndexedListener>();
  private readonly log: JsonLogger;

  constructor(
    @Inject(ENV) env: { KAFKA_TOPIC_PREFIX: string },
    @Inject(LOGGER) logger: JsonLogger,
  ) {
    this.groupId = perProcessGroupId(env.KAFKA_TOPIC_PREFIX, 'api-stream');
    this.log = logger.child({ component: 'stream' });
  }

  listen(listener: IndexedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async handleBatch(events: ConsumedEvent<Indexed>[]): Promise<void> {
    const fresh = events
      .map((event) => event.payload)
      .filter((payload) => Date.parse(payload.indexedAt) >= this.startedAt);
    if (fresh.length === 0) return;
    for (const listener of this.listeners) {
      await listener(fresh).catch((error: unknown) =>
        this.log.warn('stream listener failed', { error: String(error) }),
      );
    }
  }
}
