import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ArticleView {
  id: string;
  version: number;
  feed: { id: string; title: string | null; url: string };
  url: string | null;
  canonicalUrl: string | null;
  guid: string | null;
  title: string;
  summary: string;
  contentHtml: string;
  author: string | null;
  feedLanguage: string | null;
  categories: string[];
  publishedAt: string | null;
  fetchedAt: string;
  updatedAt: string;
  enrichment: EnrichmentView | null;
  versions: { version: number; title: string; contentHash: string; createdAt: string }[];
}

export interface EnrichmentView {
  version: number;
  language: string;
  languageConfidence: number;
  topics: unknown;
  places: unknown;
  entities: unknown;
  storyId: string | null;
  nearDuplicateOf: string | null;
  classifierVersion: string;
  classifiedAt: string;
}

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

@Injectable()
export class ArticlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<ArticleView | null> {
    const [article] = await this.dataSource.query(
      `SELECT a.*, f.title AS feed_title, f.url AS feed_url
         FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = $1`,
      [id],
    );
    if (!article) return null;
    const [enrichment] = await this.dataSource.query(
      `SELECT * FROM article_enrichments WHERE article_id = $1`,
      [id],
    );
    const versions = await this.dataSource.query(
      `SELECT version, title, content_hash, created_at FROM article_versions
        WHERE article_id = $1 ORDER BY version`,
      [id],
    );
    return {
      id: article.id,
      version: article.version,
      feed: { id: article.feed_id, title: article.feed_title, url: article.feed_url },
      url: article.url,
      canonicalUrl: article.canonical_url,
      guid: article.guid,
      title: article.title,
      summary: article.summary,
      contentHtml: article.content_html,
      author: article.author,
      feedLanguage: article.feed_language,
      categories: article.categories,
      publishedAt: iso(article.published_at),
      fetchedAt: iso(article.fetched_at) as string,
      updatedAt: iso(article.updated_at) as string,
      enrichment: enrichment ? toEnrichment(enrichment) : null,
      versions: versions.map((row: Record<string, unknown>) => ({
        version: Number(row.version),
        title: String(row.title),
        contentHash: String(row.content_hash),
        createdAt: iso(row.created_at as string) as string,
      })),
    };
  }
}

function toEnrichment(row: Record<string, unknown>): EnrichmentView {
  return {
    version: Number(row.version),
    language: String(row.language),
    languageConfidence: Number(row.language_confidence),
    topics: row.topics,
    places: row.places,
    entities: row.entities,
    storyId: (row.story_id as string | null) ?? null,
    nearDuplicateOf: (row.near_duplicate_of as string | null) ?? null,
    classifierVersion: String(row.classifier_version),
    classifiedAt: iso(row.classified_at as string) as string,
  };
}
