import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SearchParams {
  q: string;
  lang?: string;
  limit: number;
}

export interface SearchResult {
  id: string;
  title: string;
  url: string | null;
  summary: string;
  language: string;
  feedId: string;
  publishedAt: string;
  rank: number;
}

/**
 * A document is indexed with its own language's configuration, so a query is parsed with every
 * configuration in use (and `simple`) and the alternatives are OR-ed: the GIN index still applies.
 */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(params: SearchParams): Promise<SearchResult[]> {
    if (params.q === '') return this.latest(params);
    const rows = await this.dataSource.query(
      `WITH configs AS (
         SELECT DISTINCT text_search_config AS cfg FROM search_documents
         WHERE $2::text IS NULL OR language = $2
       ), q AS (
         SELECT websearch_to_tsquery('simple', $1) ||
                COALESCE((SELECT tsquery_or_agg(websearch_to_tsquery(cfg, $1)) FROM configs), ''::tsquery)
           AS query
       )
       SELECT d.article_id AS id, d.title, d.url, d.summary, d.language, d.feed_id AS "feedId",
              d.published_at AS "publishedAt", ts_rank_cd(d.document, q.query) AS rank
         FROM search_documents d, q
        WHERE d.document @@ q.query AND ($2::text IS NULL OR d.language = $2)
        ORDER BY rank DESC, d.published_at DESC
        LIMIT $3`,
      [params.q, params.lang ?? null, params.limit],
    );
    return rows.map(toResult);
  }

  private async latest(params: SearchParams): Promise<SearchResult[]> {
    const rows = await this.dataSource.query(
      `SELECT article_id AS id, title, url, summary, language, feed_id AS "feedId",
              published_at AS "publishedAt", 0 AS rank
         FROM search_documents WHERE $1::text IS NULL OR language = $1
        ORDER BY published_at DESC, article_id DESC LIMIT $2`,
      [params.lang ?? null, params.limit],
    );
    return rows.map(toResult);
  }
}

function toResult(row: Record<string, unknown>): SearchResult {
  return {
    id: String(row.id),
    title: String(row.title),
    url: (row.url as string | null) ?? null,
    summary: String(row.summary),
    language: String(row.language),
    feedId: String(row.feedId),
    publishedAt: new Date(row.publishedAt as string).toISOString(),
    rank: Number(row.rank),
  };
}
