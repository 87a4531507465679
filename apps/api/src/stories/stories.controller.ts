import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseRequest } from '../common/zod-query.js';

const storyId = z.object({ id: z.string().uuid('a story id (UUID)') });
const MAX_ARTICLES = 500;

export interface StoryView {
  id: string;
  articles: number;
  sources: number;
  languages: string[];
  firstPublishedAt: string;
  lastPublishedAt: string;
  items: {
    id: string;
    title: string;
    url: string | null;
    language: string;
    feedId: string;
    feedTitle: string | null;
    publishedAt: string;
  }[];
}

@Controller('stories')
export class StoriesController {
  constructor(private readonly dataSource: DataSource) {}

  /** Every source of a story, across languages, oldest first. */
  @Get(':id')
  async get(@Param() params: Record<string, string>): Promise<StoryView> {
    const { id } = parseRequest(storyId, params);
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT d.article_id AS id, d.title, d.url, d.language, d.feed_id AS "feedId",
              f.title AS "feedTitle", d.published_at AS "publishedAt"
         FROM search_documents d LEFT JOIN feeds f ON f.id = d.feed_id
        WHERE d.story_id = $1 ORDER BY d.published_at, d.article_id LIMIT ${MAX_ARTICLES}`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException(`story ${id} does not exist`);
    const items = rows.map((row) => ({
      id: row.id!,
      title: row.title!,
      url: row.url ?? null,
      language: row.language!,
      feedId: row.feedId!,
      feedTitle: row.feedTitle ?? null,
      publishedAt: new Date(row.publishedAt!).toISOString(),
    }));
    return {
      id,
      articles: items.length,
      sources: new Set(items.map((item) => item.feedId)).size,
      languages: [...new Set(items.map((item) => item.language))],
      firstPublishedAt: items[0]!.publishedAt,
      lastPublishedAt: items[items.length - 1]!.publishedAt,
      items,
    };
  }
}
