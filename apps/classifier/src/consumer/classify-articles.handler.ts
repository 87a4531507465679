import { Inject, Injectable } from '@nestjs/common';
import {
  TOPICS,
  type ArticleClassifiedV1,
  type ArticleIngestedV1,
  type EncodedEvent,
} from '#contracts';
import { EventProducer, type ConsumedEvent, type EventHandler } from '#messaging';
import type { Classification } from '../classify/classifier.js';
import type { ClassifierEnv } from '../env.js';
import { CLASSIFIER_ENGINE, CLASSIFIER_ENV } from '../tokens.js';
import { EnrichmentStore } from './enrichment-store.js';
import { chooseStory, storyKeysOf } from './story-link.js';

type Ingested = typeof TOPICS.articleIngested;

export interface ClassifierEngine {
  classify(article: { title: string; text: string; feedLanguage?: string }): Classification;
}

/**
 * Classifies each ingested article, links it to a story through stored fingerprints, stores
 * the enrichment, then publishes the classified event (after the effect is durable).
 */
@Injectable()
export class ClassifyArticlesHandler implements EventHandler<Ingested> {
  readonly topic = TOPICS.articleIngested;
  readonly groupId: string;

  constructor(
    @Inject(CLASSIFIER_ENGINE) private readonly engine: ClassifierEngine,
    private readonly store: EnrichmentStore,
    private readonly producer: EventProducer,
    @Inject(CLASSIFIER_ENV) private readonly env: ClassifierEnv,
  ) {
    this.groupId = env.CLASSIFIER_GROUP_ID;
  }

  async handleBatch(events: ConsumedEvent<Ingested>[]): Promise<void> {
    const classified: EncodedEvent[] = [];
    for (const { payload } of events) {
      classified.push(await this.classifyOne(payload));
    }
    await this.producer.sendEncoded(TOPICS.articleClassified, classified);
  }

  async dependenciesHealthy(): Promise<boolean> {
    await this.store.ping();
    return true;
  }

  private async classifyOne(article: ArticleIngestedV1): Promise<EncodedEvent> {
    const result = this.engine.classify({
      title: article.title,
      text: article.contentText || article.summary,
      feedLanguage: article.feedLanguage ?? undefined,
    });
    const publishedAt = new Date(article.publishedAt ?? article.fetchedAt);
    const storyKeys = storyKeysOf(result);
    const candidates = await this.store.candidates(
      article.articleId,
      result.simhash,
      storyKeys,
      publishedAt,
      this.env.STORY_WINDOW_HOURS,
    );
    const story = chooseStory(article.articleId, result, storyKeys, candidates);
    await this.store.upsert({
      articleId: article.articleId,
      version: article.version,
      language: result.language.code,
      languageConfidence: result.language.confidence,
      topics: result.topics,
      places: result.places,
      entities: result.entities,
      simhash: result.simhash,
      minhash: result.minhash,
      storyKeys,
      storyId: story.storyId,
      nearDuplicateOf: story.nearDuplicateOf,
      classifierVersion: result.classifierVersion,
      publishedAt,
    });
    const payload: ArticleClassifiedV1 = {
      ...article,
      language: result.language,
      topics: result.topics,
      places: result.places,
      entities: result.entities,
      simhash: result.simhash,
      storyId: story.storyId,
      nearDuplicateOf: story.nearDuplicateOf,
      classifierVersion: result.classifierVersion,
    };
    return this.producer.encode(TOPICS.articleClassified, payload, article.articleId);
  }
}
