import { Module, type DynamicModule } from '@nestjs/common';
import { consumerProvider, RuntimeModule } from '#platform';
import type { JsonLogger } from '#observability';
import { createClassifier } from './classify/classifier.js';
import type { ClassifierEnv } from './env.js';
import { ClassifyArticlesHandler } from './consumer/classify-articles.handler.js';
import { EnrichmentStore } from './consumer/enrichment-store.js';
import { LookupKeyPruner } from './consumer/lookup-key-pruner.js';
import { CLASSIFIER_ENGINE, CLASSIFIER_ENV } from './tokens.js';

@Module({})
export class AppModule {
  static forEnv(env: ClassifierEnv, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [RuntimeModule.forService({ service: 'classifier', env, logger })],
      providers: [
        { provide: CLASSIFIER_ENV, useValue: env },
        { provide: CLASSIFIER_ENGINE, useFactory: () => createClassifier() },
        EnrichmentStore,
        ClassifyArticlesHandler,
        consumerProvider(ClassifyArticlesHandler),
        LookupKeyPruner,
      ],
    };
  }
}
