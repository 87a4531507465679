import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { parseRequest } from '../common/zod-query.js';
import { SearchService } from '../search/search.service.js';
import { FeedsRepository, type FeedHealthView, type FeedView } from './feeds.repository.js';
import { createFeed, encodeCursor, feedId, listFeedsQuery, updateFeed } from './feeds.schemas.js';
import { OpmlError, parseOpml, renderOpml, type OpmlInvalid, type ParsedOpml } from './opml.js';

/** The largest OPML document accepted (tens of thousands of outlines). */
const MAX_OPML_BYTES = 20 * 1024 * 1024;

export interface OpmlImportReport {
  imported: number;
  duplicates: number;
  invalid: OpmlInvalid[];
}

async function readText(req: Request, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BadRequestException(`OPML larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly feeds: FeedsRepository,
    private readonly search: SearchService,
  ) {}

  /** Subscribes to a feed; the ingestor picks it up at once. Idempotent by URL (200 if known). */
  @Post()
  async create(
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FeedView> {
    const input = parseRequest(createFeed, body ?? {});
    const { feed, created } = await this.feeds.subscribe(
      input.url,
      input.title ?? null,
      input.paused ?? false,
    );
    res.status(created ? 201 : 200);
    return feed;
  }

  /** Feeds oldest first, filtered, with a cursor to the next page. */
  @Get()
  async list(
    @Query() query: Record<string, unknown>,
  ): Promise<{ items: FeedView[]; nextCursor: string | null }> {
    const { cursor, ...filter } = parseRequest(listFeedsQuery, query);
    const page = await this.feeds.list({ ...filter, ...(cursor ? { after: cursor } : {}) });
    const last = page.items.at(-1);
    return {
      items: page.items.map((listed) => listed.feed),
      nextCursor: page.more && last ? encodeCursor(last.position, last.feed.id) : null,
    };
  }

  /** Every subscription as an OPML 2.0 document. */
  @Get('opml')
  @Header('content-type', 'text/x-opml; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="newsfeed-subscriptions.opml"')
  async exportOpml(): Promise<string> {
    return renderOpml(await this.feeds.exportAll(), 'newsfeed subscriptions');
  }

  /**
   * Imports an OPML subscription list (the raw XML as the body, or JSON `{ "opml": "<opml…" }`):
   * every feed outline is validated, the valid ones inserted with multi-row statements. With
   * `Accept: application/x-ndjson` the answer streams one progress line per inserted chunk, then
   * `{"result": …}`.
   */
  @Post('opml')
  async importOpml(@Req() req: Request, @Res() res: Response): Promise<void> {
    const parsed = await this.readOpml(req);
    const report = (imported: number): OpmlImportReport => ({
      imported,
      duplicates: parsed.repeated + (parsed.feeds.length - imported),
      invalid: parsed.invalid,
    });
    if (!req.accepts('application/json') && req.accepts('application/x-ndjson')) {
      res.status(200).type('application/x-ndjson');
      const total = parsed.feeds.length;
      res.write(`${JSON.stringify({ progress: { done: 0, total, imported: 0 } })}\n`);
      const imported = await this.feeds.importFeeds(parsed.feeds, (done, soFar) =>
        res.write(`${JSON.stringify({ progress: { done, total, imported: soFar } })}\n`),
      );
      res.end(`${JSON.stringify({ result: report(imported) })}\n`);
      return;
    }
    res.status(200).json(report(await this.feeds.importFeeds(parsed.feeds)));
  }

  private async readOpml(req: Request): Promise<ParsedOpml> {
    const json = req.is('application/json');
    const xml = json
      ? (req.body as { opml?: unknown } | undefined)?.opml
      : await readText(req, MAX_OPML_BYTES);
    if (typeof xml !== 'string' || xml.trim() === '')
      throw new BadRequestException(
        'send the OPML document as the request body (or JSON {"opml": "…"})',
      );
    try {
      return parseOpml(xml);
    } catch (error) {
      if (error instanceof OpmlError)
        throw new BadRequestException(`invalid OPML: ${error.message}`);
      throw error;
    }
  }

  @Get(':id')
  async get(@Param() params: Record<string, string>): Promise<FeedView> {
    const { id } = parseRequest(feedId, params);
    return found(await this.feeds.find(id), id);
  }

  /** Per-feed health: last fetch and error, failure streak, next fetch, articles per day. */
  @Get(':id/health')
  async health(@Param() params: Record<string, string>): Promise<FeedHealthView> {
    const { id } = parseRequest(feedId, params);
    return found(await this.feeds.health(id), id);
  }

  @Patch(':id')
  async update(@Param() params: Record<string, string>, @Body() body: unknown): Promise<FeedView> {
    const { id } = parseRequest(feedId, params);
    const changes = parseRequest(updateFeed, body ?? {});
    const result = await this.feeds.update(id, changes);
    if (!result.found) throw new NotFoundException(`feed ${id} does not exist`);
    if (result.conflict)
      throw new ConflictException(`another feed is already subscribed to ${changes.url}`);
    return result.feed!;
  }

  @Post(':id/pause')
  @HttpCode(200)
  async pause(@Param() params: Record<string, string>): Promise<FeedView> {
    const { id } = parseRequest(feedId, params);
    const result = await this.feeds.update(id, { paused: true });
    return found(result.found ? result.feed! : null, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  async resume(@Param() params: Record<string, string>): Promise<FeedView> {
    const { id } = parseRequest(feedId, params);
    const result = await this.feeds.update(id, { paused: false });
    return found(result.found ? result.feed! : null, id);
  }

  /** Makes the feed due now; the next free ingestor slot polls it. */
  @Post(':id/fetch')
  @HttpCode(202)
  async forceFetch(@Param() params: Record<string, string>): Promise<FeedView> {
    const { id } = parseRequest(feedId, params);
    return found(await this.feeds.forceFetch(id), id);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param() params: Record<string, string>): Promise<void> {
    const { id } = parseRequest(feedId, params);
    if (!(await this.feeds.remove(id))) throw new NotFoundException(`feed ${id} does not exist`);
    // Other instances hear of it through news.feeds.removed.v1; this one answers from now on.
    this.search.feedRemoved();
  }
}

function found<T>(value: T | null, id: string): T {
  if (value === null) throw new NotFoundException(`feed ${id} does not exist`);
  return value;
}
