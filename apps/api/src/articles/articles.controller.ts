import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { z } from 'zod';
import { parseRequest } from '../common/zod-query.js';
import { ArticlesRepository, type ArticleView } from './articles.repository.js';

const articleId = z.object({ id: z.string().uuid('an article id (UUID)') });

@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesRepository) {}

  /** The stored article with the classifier's enrichment and every version seen. */
  @Get(':id')
  async get(@Param() params: Record<string, string>): Promise<ArticleView> {
    const { id } = parseRequest(articleId, params);
    const article = await this.articles.find(id);
    if (!article) throw new NotFoundException(`article ${id} does not exist`);
    return article;
  }
}
