import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { parseRequest } from '../common/zod-query.js';
import { FeedsRepository, type FeedView } from './feeds.repository.js';

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .url('a valid URL')
  .refine((value) => /^https?:\/\//i.test(value), 'only http and https feeds are supported');

const createFeed = z.object({ url: httpUrl, title: z.string().trim().max(500).optional() });
const feedId = z.object({ id: z.string().uuid('a feed id (UUID)') });

@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsRepository) {}

  /** Subscribes to a feed; the ingestor picks it up at once. Idempotent by URL. */
  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown): Promise<FeedView> {
    const input = parseRequest(createFeed, body ?? {});
    return this.feeds.subscribe(input.url, input.title ?? null);
  }

  @Get()
  async list(): Promise<{ items: FeedView[] }> {
    return { items: await this.feeds.list() };
  }

  @Get(':id')
  async get(@Param() params: Record<string, string>): Promise<FeedView> {
    const { id } = parseRequest(feedId, params);
    const feed = await this.feeds.find(id);
    if (!feed) throw new NotFoundException(`feed ${id} does not exist`);
    return feed;
  }
}
