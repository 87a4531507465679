import type { ArticleClassifiedV1, ArticleIngestedV1 } from '#contracts';
import type { Classification } from '../classify/classifier.js';
import { minhashBands } from '../fingerprint/minhash.js';
import type { CandidateQuery, EnrichmentRow, StoredFingerprint } from './enrichment-store.js';
import { chooseStory, linkingKeysOf, storyKeysOf, type StoryChoice } from './story-link.js';

export interface ClassifierEngine {
  classify(article: { title: string; text: string; feedLanguage?: string }): Classification;
}

/** What the enricher needs of the database (EnrichmentStore, or a fake in tests). */
export interface EnrichmentPort {
  candidates(query: CandidateQuery): Promise<StoredFingerprint[]>;
  upsert(row: EnrichmentRow): Promise<void>;
}

export interface Enriched {
  payload: ArticleClassifiedV1;
  story: StoryChoice;
}

// Contract limits of news.articles.classified.v1: a classification never breaks its own event.
const MAX_TOPICS = 50;
const MAX_PLACES = 100;
const MAX_ENTITIES = 200;
const MAX_ENTITY_NAME = 200;

/**
 * Classify one article, link it to a story through the stored fingerprints, store the
 * enrichment (idempotent upsert) and return the classified event payload. Shared by the
 * consumer and `npm run reclassify`.
 */
export class ArticleEnricher {
  constructor(
    private readonly engine: ClassifierEngine,
    private readonly store: EnrichmentPort,
    private readonly storyWindowHours: number,
  ) {}

  /** `store`: where this article's story is looked up and its enrichment written. */
  async enrich(article: ArticleIngestedV1, store = this.store): Promise<Enriched> {
    const result = boundedClassification(
      this.engine.classify({
        title: article.title,
        text: article.contentText || article.summary,
        feedLanguage: article.feedLanguage ?? undefined,
      }),
    );
    const publishedAt = publicationTime(article);
    const storyKeys = storyKeysOf(result);
    const linkingKeys = linkingKeysOf(storyKeys);
    const candidates = await store.candidates({
      articleId: article.articleId,
      simhash: result.simhash,
      linkingKeys,
      minhashBands: minhashBands(result.minhash),
      around: publishedAt,
      windowHours: this.storyWindowHours,
    });
    const story = chooseStory(article.articleId, result, publishedAt, candidates);
    await store.upsert({
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
      linkingKeys,
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
    return { payload, story };
  }
}

/** Published time, else fetched time; a date the database cannot hold falls back to now. */
export function publicationTime(
  article: Pick<ArticleIngestedV1, 'publishedAt' | 'fetchedAt'>,
): Date {
  for (const value of [article.publishedAt, article.fetchedAt]) {
    const time = value ? new Date(value) : undefined;
    if (time && Number.isFinite(time.getTime())) return time;
  }
  return new Date();
}

/** Scores clamped to 0..1 and lists cut to what the classified-event contract accepts. */
export function boundedClassification(result: Classification): Classification {
  const unit = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
  return {
    ...result,
    language: {
      code: /^([a-z]{2,3}|und)$/.test(result.language.code) ? result.language.code : 'und',
      confidence: unit(result.language.confidence),
    },
    topics: result.topics.slice(0, MAX_TOPICS).map((t) => ({ ...t, score: unit(t.score) })),
    places: {
      countries: result.places.countries
        .slice(0, MAX_PLACES)
        .map((c) => ({ ...c, score: unit(c.score) })),
      cities: result.places.cities
        .slice(0, MAX_PLACES)
        .map((c) => ({ ...c, score: unit(c.score) })),
    },
    entities: result.entities
      .slice(0, MAX_ENTITIES)
      .map((e) => ({ ...e, name: e.name.slice(0, MAX_ENTITY_NAME) })),
  };
}
