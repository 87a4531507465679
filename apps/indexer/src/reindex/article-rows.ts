import type { ArticleClassifiedV1 } from '#contracts';
import { storedArticleToIngested, type StoredArticleRow } from '#database';

/** An articles row joined with its article_enrichments row, as reindex selects it. */
export interface ArticleRow extends StoredArticleRow {
  language: string;
  language_confidence: number;
  topics: ArticleClassifiedV1['topics'] | null;
  places: Partial<ArticleClassifiedV1['places']> | null;
  entities: ArticleClassifiedV1['entities'] | null;
  story_id: string | null;
  near_duplicate_of: string | null;
  classifier_version: string;
}

/** Rebuilds the classified event the indexer consumed, from what the database kept of it. */
export function toClassifiedEvent(row: ArticleRow): ArticleClassifiedV1 {
  return {
    ...storedArticleToIngested(row),
    language: { code: row.language, confidence: row.language_confidence },
    topics: row.topics ?? [],
    places: { countries: row.places?.countries ?? [], cities: row.places?.cities ?? [] },
    entities: row.entities ?? [],
    simhash: '0000000000000000',
    storyId: row.story_id,
    nearDuplicateOf: row.near_duplicate_of,
    classifierVersion: row.classifier_version,
  };
}
