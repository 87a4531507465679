import type { ArticleIngestedV1 } from '#contracts';
import { storedArticleToIngested, type StoredArticleRow } from '#database';

export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface Selection {
  /** Every article, not only those never classified or classified by another version. */
  all: boolean;
  /** The current classifier version: enrichments made by it are up to date. */
  classifierVersion: string;
}

/** Keyset position: articles are replayed oldest first, as they were first classified. */
export interface Cursor {
  at: Date;
  id: string;
}

/** Before the first article. */
export const START = null;

const STALE = `($1::boolean OR e.article_id IS NULL OR e.classifier_version <> $2 OR e.version < a.version)`;

/** Reads the articles to replay from the ingestor's `articles` table, page by page. */
export class ArticleSource {
  constructor(private readonly db: Queryable) {}

  async count(selection: Selection): Promise<number> {
    const rows = (await this.db.query(
      `SELECT count(*)::text AS n FROM articles a
         LEFT JOIN article_enrichments e ON e.article_id = a.id
        WHERE ${STALE}`,
      [selection.all, selection.classifierVersion],
    )) as { n: string }[];
    return Number(rows[0]?.n ?? 0);
  }

  async page(selection: Selection, after: Cursor | null, limit: number): Promise<ArticleRow[]> {
    return (await this.db.query(
      `SELECT a.id, a.version, a.feed_id, a.url, a.canonical_url, a.guid, a.title, a.summary,
              a.content_html, a.content_text, a.author, a.feed_language, a.categories,
              a.published_at, a.fetched_at, a.content_hash,
              coalesce(a.published_at, a.fetched_at) AS sort_at
         FROM articles a
         LEFT JOIN article_enrichments e ON e.article_id = a.id
        WHERE ${STALE}
          AND ($3::timestamptz IS NULL
               OR (coalesce(a.published_at, a.fetched_at), a.id) > ($3::timestamptz, $4::uuid))
        ORDER BY coalesce(a.published_at, a.fetched_at), a.id
        LIMIT $5`,
      [selection.all, selection.classifierVersion, after?.at ?? null, after?.id ?? null, limit],
    )) as ArticleRow[];
  }
}

export interface ArticleRow extends StoredArticleRow {
  content_html: string;
  sort_at: Date;
}

export function cursorOf(row: ArticleRow): Cursor {
  return { at: new Date(row.sort_at), id: row.id };
}

/** The stored article as the ingested event the classifier consumes. */
export function toIngested(row: ArticleRow): ArticleIngestedV1 {
  return storedArticleToIngested(row);
}
