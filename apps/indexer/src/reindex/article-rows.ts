import type { ArticleClassifiedV1 } from '#contracts';

/** An articles row joined with its article_enrichments row, as reindex selects it. */
export interface ArticleRow {
  id: string;
  version: number;
  feed_id: string;
  url: string | null;
  canonical_url: string | null;
  guid: string | null;
  title: string;
  summary: string;
  content_text: string;
  author: string | null;
  feed_language: string | null;
  categories: string[];
  published_at: Date | null;
  fetched_at: Date;
  content_hash: string;
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
    articleId: row.id,
    version: row.version,
    feedId: row.feed_id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    guid: row.guid,
    title: row.title,
    summary: row.summary,
    contentHtml: '',
    contentText: row.content_text,
    author: row.author,
    feedLanguage: row.feed_language,
    categories: row.categories,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    fetchedAt: new Date(row.fetched_at).toISOString(),
    contentHash: row.content_hash,
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
