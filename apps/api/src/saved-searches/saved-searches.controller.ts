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
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { searchParams } from '../common/search-params.js';
import { parseRequest } from '../common/zod-query.js';
import { FeedResponder, queryString, splitFeedFile } from '../feeds-out/feed-responder.js';
import type { RawParams } from '../search/query/index.js';
import { SearchInputError } from '../search/query/index.js';
import { SearchInputFilter } from '../search/search-errors.js';
import { SearchService, type SearchPage } from '../search/search.service.js';
import { resumePosition, StreamService } from '../stream/stream.controller.js';
import type { Subscription } from '../webhooks/webhooks.repository.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { SavedSearchesRepository, type SavedSearch } from './saved-searches.repository.js';

const createSaved = z.object({ name: z.string().trim().min(1).max(200), query: searchParams });
const updateSaved = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  query: searchParams.optional(),
});
const idParam = z.object({ id: z.string().uuid('a saved search id (UUID)') });
const createHook = z.object({
  url: z.string().trim().max(2048),
  secret: z.string().min(16).max(200).optional(),
});
/** Only paging may be added to a saved search's own parameters. */
const PAGING = ['cursor', 'limit'];

/** A named query with its own results, output feeds, live stream and webhooks. */
@Controller('saved-searches')
@UseFilters(SearchInputFilter)
export class SavedSearchesController {
  constructor(
    private readonly saved: SavedSearchesRepository,
    private readonly search: SearchService,
    private readonly feeds: FeedResponder,
    private readonly streams: StreamService,
    private readonly webhooks: WebhooksService,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown): Promise<SavedSearch> {
    const input = parseRequest(createSaved, body ?? {});
    this.search.parse(input.query);
    return this.saved.create(input.name, input.query);
  }

  @Get()
  async list(): Promise<{ items: SavedSearch[] }> {
    return { items: await this.saved.list() };
  }

  @Get(':id')
  async get(@Param() params: Record<string, string>): Promise<SavedSearch> {
    return this.load(params);
  }

  @Patch(':id')
  async update(
    @Param() params: Record<string, string>,
    @Body() body: unknown,
  ): Promise<SavedSearch> {
    const { id } = parseRequest(idParam, params);
    const input = parseRequest(updateSaved, body ?? {});
    if (input.query) this.search.parse(input.query);
    const updated = await this.saved.update(id, input.name, input.query);
    if (!updated) throw new NotFoundException(`saved search ${id} does not exist`);
    return updated;
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param() params: Record<string, string>): Promise<void> {
    const { id } = parseRequest(idParam, params);
    if (!(await this.saved.remove(id)))
      throw new NotFoundException(`saved search ${id} does not exist`);
  }

  @Get(':id/results')
  async results(
    @Param() params: Record<string, string>,
    @Query() query: RawParams,
  ): Promise<SearchPage> {
    const saved = await this.load(params);
    return this.search.page(this.search.parse({ ...saved.params, ...paging(query) }), {
      facets: true,
    });
  }

  @Get(':id/stream')
  async stream(
    @Param() params: Record<string, string>,
    @Query() query: RawParams,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const saved = await this.load(params);
    const position = resumePosition(request, query.lastEventId);
    await this.streams.serve(this.search.parse(saved.params), position, request, response);
  }

  @Post(':id/webhooks')
  @HttpCode(201)
  async createWebhook(
    @Param() params: Record<string, string>,
    @Body() body: unknown,
  ): Promise<Subscription & { secret: string }> {
    const saved = await this.load(params);
    const input = parseRequest(createHook, body ?? {});
    return this.webhooks.create({ ...input, savedSearchId: saved.id });
  }

  @Get(':id/webhooks')
  async webhooksOf(@Param() params: Record<string, string>): Promise<{ items: Subscription[] }> {
    const saved = await this.load(params);
    return { items: await this.webhooks.repository.list(saved.id) };
  }

  // Registered last: `:id/:file` would otherwise take /stream, /webhooks and /results.
  /** `/saved-searches/:id/feed.rss` (or .atom, .json). */
  @Get(':id/:file')
  async feed(
    @Param() params: Record<string, string>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const parts = splitFeedFile(params.file ?? '');
    if (!parts || parts.name !== 'feed')
      throw new NotFoundException(`no such resource ${params.file}`);
    const saved = await this.load(params);
    await this.feeds.respond(request, response, parts.format, this.feeds.parse(saved.params), {
      title: `newsfeed: ${saved.name}`,
      description: `Saved search ${saved.name}`,
      selfPath: `/saved-searches/${saved.id}/feed.${parts.format}${queryString(request)}`,
      sitePath: `/saved-searches/${saved.id}/results`,
    });
  }

  private async load(params: Record<string, string>): Promise<SavedSearch> {
    const { id } = parseRequest(idParam, { id: params.id });
    const saved = await this.saved.find(id);
    if (!saved) throw new NotFoundException(`saved search ${id} does not exist`);
    return saved;
  }
}

function paging(query: RawParams): RawParams {
  const extra = Object.keys(query).find((name) => !PAGING.includes(name));
  if (extra !== undefined) {
    throw new SearchInputError(
      extra,
      'unknown_parameter',
      `a saved search only takes ${PAGING.join(' and ')}`,
    );
  }
  return query;
}
