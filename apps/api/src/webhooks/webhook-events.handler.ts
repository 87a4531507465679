import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '#contracts';
import type { ConsumedEvent, EventHandler } from '#messaging';
import type { JsonLogger } from '#observability';
import { ENV, LOGGER } from '#platform';
import { SearchService } from '../search/search.service.js';
import { WEBHOOK_ENV, type WebhookEnv } from './webhook-env.js';
import { WebhooksRepository, type NewDelivery } from './webhooks.repository.js';

type Indexed = typeof TOPICS.articleIndexed;

/**
 * Turns indexed articles into queued deliveries for every active subscription they match.
 * One group shared by all replicas; the queue insert is idempotent, so a redelivered event
 * queues nothing twice. Articles indexed before a subscription existed are not sent to it.
 */
@Injectable()
export class WebhookEventsHandler implements EventHandler<Indexed> {
  readonly topic = TOPICS.articleIndexed;
  readonly groupId: string;
  private readonly log: JsonLogger;

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly search: SearchService,
    @Inject(ENV) env: { KAFKA_TOPIC_PREFIX: string },
    @Inject(WEBHOOK_ENV) webhookEnv: WebhookEnv,
    @Inject(LOGGER) logger: JsonLogger,
  ) {
    this.groupId = `${env.KAFKA_TOPIC_PREFIX}${webhookEnv.WEBHOOK_GROUP_ID}`;
    this.log = logger.child({ component: 'webhooks' });
  }

  async handleBatch(events: ConsumedEvent<Indexed>[]): Promise<void> {
    const subscriptions = await this.repository.activeSubscriptions();
    if (subscriptions.length === 0) return;
    const ids = [...new Set(events.map((event) => event.payload.articleId))];
    const queued: NewDelivery[] = [];
    for (const subscription of subscriptions) {
      let request;
      try {
        request = this.search.parse(subscription.filter);
      } catch (error) {
        this.log.warn('subscription filter no longer valid', {
          subscription: subscription.id,
          error: String(error),
        });
        continue;
      }
      const items = await this.search.matching(request, ids);
      for (const item of items) {
        if (item.indexedAt < subscription.createdAt) continue;
        queued.push({
          subscriptionId: subscription.id,
          articleId: item.id,
          articleVersion: item.version,
          payload: {
            id: '',
            type: 'article.indexed',
            subscriptionId: subscription.id,
            createdAt: new Date().toISOString(),
            article: item,
          },
        });
      }
    }
    await this.repository.enqueue(queued);
  }

  async dependenciesHealthy(): Promise<boolean> {
    await this.repository.activeSubscriptions();
    return true;
  }
}
