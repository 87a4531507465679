import type { ArticleClassifiedV1, ArticleIngestedV1 } from '#contracts';
import type { Classification } from '../classify/classifier.js';
import { minhashBands } from '../fingerprint/minhash.js';
import {
  InMemoryCandidates,
  type CandidateQuery,
  type EnrichmentRow,
  type StoredFingerprint,
} from './enrichment-store.js';
import {
  candidateKeysOf,
  chooseStory,
  linkingKeysOf,
  storyKeysOf,
  type StoryChoice,
} from './story-link.js';

export interface ClassifierEngine {
  classify(article: {
    title: string;
    text: string;
    feedLanguage?: string;
    categories?: readonly string[];
  }): Classification;
}

/** What the enricher needs of the database (EnrichmentStore, or a fake in tests). */
export interface EnrichmentPort {
  candidatesOfAll(queries: readonly CandidateQuery[]): Promise<StoredFingerprint[][]>;
  upsertAll(rows: readonly EnrichmentRow[]): Promise<void>;
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

/** An article classified, with what it is looked up by, before its story is chosen. */
interface Classified {
  article: ArticleIngestedV1;
  result: Classification;
  publishedAt: Date;
  storyKeys: string[];
  /** What it is stored under (linkingKeysOf); the query looks up candidateKeysOf these. */
  linkingKeys: string[];
  query: CandidateQuery;
}

/**
 * Classify articles, link each to a story through the stored fingerprints and the batch's
 * earlier articles, store the enrichments (one idempotent statement) and return the classified
 * event payloads. Shared by the consumer and `npm run reclassify`.
 */
export class ArticleEnricher {
  constructor(
    private readonly engine: ClassifierEngine,
    private readonly store: EnrichmentPort,
    private readonly storyWindowHours: number,
  ) {}

  async enrich(article: ArticleIngestedV1): Promise<Enriched> {
    const [enriched] = await this.enrichAll([article]);
    return enriched!;
  }

  /**
   * The stored candidates of every article are looked up in one statement; an article's
   * candidates among the batch's earlier articles are found in memory by the same rule, so a
   * batch links within itself as it would one by one.
   */
  async enrichAll(articles: readonly ArticleIngestedV1[]): Promise<Enriched[]> {
    const classified = articles.map((article) => this.classify(article));
    const stored = await this.store.candidatesOfAll(classified.map(({ query }) => query));
    const earlier = new InMemoryCandidates();
    const rows: EnrichmentRow[] = [];
    const enriched = classified.map((item, i) => {
      const story = chooseStory(item.article.articleId, item.result, item.publishedAt, [
        ...stored[i]!,
        ...earlier.find(item.query),
      ]);
      const row = enrichmentRow(item, story);
      rows.push(row);
      earlier.add(row);
      return { payload: classifiedPayload(item, story), story };
    });
    await this.store.upsertAll(rows);
    return enriched;
  }

  private classify(article: ArticleIngestedV1): Classified {
    const result = boundedClassification(
      this.engine.classify({
        title: article.title,
        text: article.contentText || article.summary,
        feedLanguage: article.feedLanguage ?? undefined,
        categories: article.categories,
      }),
    );
    const publishedAt = publicationTime(article);
    const storyKeys = storyKeysOf(result);
    const linkingKeys = linkingKeysOf(storyKeys);
    const query: CandidateQuery = {
      articleId: article.articleId,
      simhash: result.simhash,
      linkingKeys: candidateKeysOf(linkingKeys),
      minhashBands: minhashBands(result.minhash),
      around: publishedAt,
      windowHours: this.storyWindowHours,
    };
    return { article, result, publishedAt, storyKeys, linkingKeys, query };
  }
}

function enrichmentRow(
  { article, result, publishedAt, storyKeys, linkingKeys }: Classified,
  story: StoryChoice,
): EnrichmentRow {
  return {
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
  };
}

function classifiedPayload(
  { article, result }: Classified,
  story: StoryChoice,
): ArticleClassifiedV1 {
  return {
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
