import { Module } from '@nestjs/common';
import { EventProducer } from '#messaging';
import { consumerProvider } from '#platform';
import { SearchModule } from '../search/search.module.js';
import { DeliveryWorker } from './delivery-worker.js';
import { WEBHOOK_ENV, webhookEnv } from './webhook-env.js';
import { WebhookEventsHandler } from './webhook-events.handler.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  imports: [SearchModule],
  controllers: [WebhooksController],
  providers: [
    { provide: WEBHOOK_ENV, useFactory: () => webhookEnv() },
    // The api runs without a connected producer; the webhook consumer needs one for its DLQ.
    {
      provide: 'WEBHOOK_DLQ_PRODUCER',
      inject: [EventProducer],
      useFactory: async (producer: EventProducer) => {
        await producer.connect();
        return producer;
      },
    },
    WebhooksRepository,
    WebhooksService,
    WebhookEventsHandler,
    consumerProvider(WebhookEventsHandler),
    DeliveryWorker,
  ],
  exports: [WebhooksService],
})
export class WebhooksModule {}
