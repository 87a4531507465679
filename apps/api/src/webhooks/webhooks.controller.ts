import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  UseFilters,
} from '@nestjs/common';
import { z } from 'zod';
import { searchParams } from '../common/search-params.js';
import { parseRequest } from '../common/zod-query.js';
import { SearchInputFilter } from '../search/search-errors.js';
import { WebhooksService } from './webhooks.service.js';
import type { Delivery, Subscription } from './webhooks.repository.js';

const targetUrl = z.string().trim().max(2048);
const createWebhook = z.object({
  url: targetUrl,
  filter: searchParams.optional(),
  secret: z.string().min(16).max(200).optional(),
});
const updateWebhook = z.object({
  url: targetUrl.optional(),
  filter: searchParams.optional(),
  status: z.enum(['active', 'paused']).optional(),
});
const idParam = z.object({ id: z.string().uuid('a webhook id (UUID)') });

@Controller('webhooks')
@UseFilters(SearchInputFilter)
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Subscribes a URL to new articles matching `filter` (GET /search parameters). */
  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown): Promise<Subscription & { secret: string }> {
    return this.webhooks.create(parseRequest(createWebhook, body ?? {}));
  }

  @Get()
  async list(): Promise<{ items: Subscription[] }> {
    return { items: await this.webhooks.repository.list() };
  }

  @Get(':id')
  async get(@Param() params: Record<string, string>): Promise<Subscription> {
    const { id } = parseRequest(idParam, params);
    const found = await this.webhooks.repository.find(id);
    if (!found) throw new NotFoundException(`webhook ${id} does not exist`);
    return found;
  }

  /** Change the URL or filter, pause, or re-activate a disabled subscription. */
  @Patch(':id')
  async update(
    @Param() params: Record<string, string>,
    @Body() body: unknown,
  ): Promise<Subscription> {
    const { id } = parseRequest(idParam, params);
    return this.webhooks.update(id, parseRequest(updateWebhook, body ?? {}));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param() params: Record<string, string>): Promise<void> {
    const { id } = parseRequest(idParam, params);
    if (!(await this.webhooks.repository.remove(id)))
      throw new NotFoundException(`webhook ${id} does not exist`);
  }

  /** The delivery log, newest first. */
  @Get(':id/deliveries')
  async deliveries(@Param() params: Record<string, string>): Promise<{ items: Delivery[] }> {
    const { id } = parseRequest(idParam, params);
    return { items: await this.webhooks.repository.deliveries(id) };
  }
}
