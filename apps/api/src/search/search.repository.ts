import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isStatementTimeout, searchTimeoutError } from './search-errors.js';
import type { SqlQuery } from './search-sql.js';
import { SEARCH_ENV, type SearchEnv } from './search-env.js';

/** A search_documents row as the search statements select it. */
export interface HitRow {
  id: string;
  version: number;
  title: string;
  url: string | null;
  summary: string;
  language: string;
  feedId: string;
  config: string;
  topics: string[];
  places: string[];
  entities: string[];
  storyId: string | null;
  /** UTC text with microseconds (cursor and event-id precision). */
  publishedAt: string;
  indexedAt: string;
  rank: number;
  storyMatches?: string | number;
  titleHighlight?: string;
  summaryHighlight?: string;
}

export interface StoryStats {
  storyId: string;
  articles: number;
  sources: number;
  languages: string[];
}

/** Runs search statements under a statement_timeout, so no query can hold the database. */
@Injectable()
export class SearchRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SEARCH_ENV) private readonly env: SearchEnv,
  ) {}

  async run<T>(...queries: SqlQuery[]): Promise<T[][]> {
    const runner = this.dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL statement_timeout = ${this.env.SEARCH_STATEMENT_TIMEOUT_MS}`);
      const results: T[][] = [];
      for (const query of queries) results.push(await runner.query(query.text, query.values));
      await runner.commitTransaction();
      return results;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (isStatementTimeout(error)) throw searchTimeoutError(this.env.SEARCH_STATEMENT_TIMEOUT_MS);
      throw error;
    } finally {
      await runner.release();
    }
  }

  async one<T>(query: SqlQuery): Promise<T[]> {
    const [rows] = await this.run<T>(query);
    return rows ?? [];
  }

  async storyStats(storyIds: string[]): Promise<Map<string, StoryStats>> {
    if (storyIds.length === 0) return new Map();
    const rows = await this.one<StoryStats>({
      text: `SELECT story_id AS "storyId", count(*)::int AS articles,
                    count(DISTINCT feed_id)::int AS sources, array_agg(DISTINCT language) AS languages
               FROM search_documents WHERE story_id = ANY($1::uuid[]) GROUP BY story_id`,
      values: [storyIds],
    });
    return new Map(rows.map((row) => [row.storyId, row]));
  }
}
