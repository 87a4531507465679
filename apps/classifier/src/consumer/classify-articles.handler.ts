import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type EncodedEvent } from '#contracts';
import { EventProducer, type ConsumedEvent, type EventHandler } from '#messaging';
import type { ClassifierEnv } from '../env.js';
import { CLASSIFIER_ENGINE, CLASSIFIER_ENV } from '../tokens.js';
import { ArticleEnricher, type ClassifierEngine, type EnrichmentPort } from './article-enricher.js';
import { EnrichmentStore } from './enrichment-store.js';

export type { ClassifierEngine } from './article-enricher.js';

type Ingested = typeof TOPICS.articleIngested;

/** What the handler needs of the producer (EventProducer, or a fake in tests). */
export type ClassifiedPublisher = Pick<EventProducer, 'encode' | 'sendEncoded'>;

/**
 * Classifies each ingested article, links it to a story through stored fingerprints, stores
 * the enrichment, then publishes the classified event (after the effect is durable).
 */
@Injectable()
export class ClassifyArticlesHandler implements EventHandler<Ingested> {
  readonly topic = TOPICS.articleIngested;
  readonly groupId: string;
  private readonly enricher: ArticleEnricher;

  constructor(
    @Inject(CLASSIFIER_ENGINE) engine: ClassifierEngine,
    @Inject(EnrichmentStore)
    private readonly store: EnrichmentPort & Pick<EnrichmentStore, 'ping'>,
    @Inject(EventProducer) private readonly producer: ClassifiedPublisher,
    @Inject(CLASSIFIER_ENV) env: ClassifierEnv,
  ) {
    this.groupId = env.CLASSIFIER_GROUP_ID;
    this.enricher = new ArticleEnricher(engine, store, env.STORY_WINDOW_HOURS);
  }

  /**
   * The batch's enrichments are stored in one statement (a failed batch is retried article by
   * article by the consumer), then published.
   */
  async handleBatch(events: ConsumedEvent<Ingested>[]): Promise<void> {
    const enriched = await this.enricher.enrichAll(events.map(({ payload }) => payload));
    const classified: EncodedEvent[] = enriched.map(({ payload }) =>
      this.producer.encode(TOPICS.articleClassified, payload, payload.articleId),
    );
    await this.producer.sendEncoded(TOPICS.articleClassified, classified);
  }

  async dependenciesHealthy(): Promise<boolean> {
    await this.store.ping();
    return true;
  }
}
