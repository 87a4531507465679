import type { ArticleIngestedV1 } from '#contracts';

/** An `articles` row as replays select it (reclassify, reindex); content_html is optional. */
export interface StoredArticleRow {
  id: string;
  version: number;
  feed_id: string;
  url: string | null;
  canonical_url: string | null;
  guid: string | null;
  title: string;
  summary: string;
  content_html?: string;
  content_text: string;
  author: string | null;
  feed_language: string | null;
  categories: string[] | null;
  published_at: Date | null;
  fetched_at: Date;
  content_hash: string;
}

/** The stored article version as the ingested event it was published as. */
export function storedArticleToIngested(row: StoredArticleRow): ArticleIngestedV1 {
  return {
    articleId: row.id,
    version: row.version,
    feedId: row.feed_id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    guid: row.guid,
    title: row.title,
    summary: row.summary,
    contentHtml: row.content_html ?? '',
    contentText: row.content_text,
    author: row.author,
    feedLanguage: row.feed_language,
    categories: row.categories ?? [],
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    fetchedAt: new Date(row.fetched_at).toISOString(),
    contentHash: row.content_hash,
  };
}
