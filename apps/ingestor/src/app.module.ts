import { Module, type DynamicModule } from '@nestjs/common';
import { RuntimeModule } from '#platform';
import type { JsonLogger } from '#observability';
import type { IngestorEnv } from './env.js';
import { INGESTOR_ENV } from './tokens.js';
import { ArticleStore } from './articles/article-store.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxSignal } from './outbox/outbox-signal.js';
import { FeedClaims } from './feeds/feed-claims.js';
import { FeedPoller } from './poller/feed-poller.js';
import { FeedFetchPipeline } from './poller/feed-fetch-pipeline.js';
import { HostPoliteness } from './hosts/host-politeness.js';

@Module({})
export class AppModule {
  static forEnv(env: IngestorEnv, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [RuntimeModule.forService({ service: 'ingestor', env, logger })],
      providers: [
        { provide: INGESTOR_ENV, useValue: env },
        ArticleStore,
        FeedClaims,
        HostPoliteness,
        FeedFetchPipeline,
        FeedPoller,
        OutboxSignal,
        OutboxRelay,
      ],
    };
  }
}
