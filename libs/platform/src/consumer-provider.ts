import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  Provider,
  Type,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { CommonEnv } from '#config';
import type { TopicName } from '#contracts';
import { EventConsumer, EventProducer, type EventHandler } from '#messaging';
import type { JsonLogger } from '#observability';
import { ENV, KAFKA, LOGGER } from './tokens.js';

/** Starts a consumer once the app is up; stops it before the database connection closes. */
class ConsumerLifecycle<T extends TopicName>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  constructor(private readonly consumer: EventConsumer<T>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}

/** Runs `handler` under the messaging rules (validation, retries, DLQ, offset+1 commits). */
export function consumerProvider<T extends TopicName>(handler: Type<EventHandler<T>>): Provider {
  return {
    provide: Symbol(`consumer:${handler.name}`),
    inject: [KAFKA, EventProducer, handler, ENV, LOGGER],
    useFactory: (
      kafka: Kafka,
      producer: EventProducer,
      instance: EventHandler<T>,
      env: CommonEnv,
      logger: JsonLogger,
    ) =>
      new ConsumerLifecycle(
        new EventConsumer(
          kafka,
          producer,
          instance,
          { topicPrefix: env.KAFKA_TOPIC_PREFIX },
          logger,
        ),
      ),
  };
}
