import { Module, type DynamicModule } from '@nestjs/common';
import { RuntimeModule } from '#platform';
import type { JsonLogger } from '#observability';
import type { ApiEnv } from './env.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { SearchModule } from './search/search.module.js';
import { ArticlesModule } from './articles/articles.module.js';
import { StoriesModule } from './stories/stories.module.js';
import { FeedsOutModule } from './feeds-out/feeds-out.module.js';
import { StreamModule } from './stream/stream.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { SavedSearchesModule } from './saved-searches/saved-searches.module.js';
import { DocsModule } from './docs/docs.module.js';
import { OpsModule } from './ops/ops.module.js';

@Module({})
export class AppModule {
  static forEnv(env: ApiEnv, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RuntimeModule.forService({ service: 'api', env, logger }),
        SearchModule,
        FeedsModule,
        ArticlesModule,
        StoriesModule,
        FeedsOutModule,
        StreamModule,
        WebhooksModule,
        SavedSearchesModule,
        DocsModule,
        OpsModule,
      ],
    };
  }
}
