import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { parseRequest } from '../common/zod-query.js';
import { SearchRepository, type SearchResult } from './search.repository.js';

const searchQuery = z.object({
  q: z.string().trim().max(512, 'at most 512 characters').default(''),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'an ISO 639 language code')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100, 'at most 100').default(20),
});

@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchRepository) {}

  @Get()
  async find(@Query() query: Record<string, unknown>): Promise<{ items: SearchResult[] }> {
    const params = parseRequest(searchQuery, query);
    const items = await this.search.search(params);
    return { items };
  }
}
