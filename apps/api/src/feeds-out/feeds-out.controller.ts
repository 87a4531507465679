import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SearchInputError, type RawParams } from '../search/query/index.js';
import { SearchInputFilter } from '../search/search-errors.js';
import { FEED_FORMATS, FeedResponder, queryString, splitFeedFile } from './feed-responder.js';
import type { FeedFormat } from './index.js';

function formatOf(value: string): FeedFormat {
  if (!(FEED_FORMATS as readonly string[]).includes(value)) {
    throw new SearchInputError(
      'format',
      'unknown_format',
      `format must be rss, atom or json, not "${value.slice(0, 20)}"`,
    );
  }
  return value as FeedFormat;
}

@Controller('feeds/out')
@UseFilters(SearchInputFilter)
export class FeedsOutController {
  constructor(private readonly feeds: FeedResponder) {}

  /** Any search as a feed: `/feeds/out/rss?q=…&lang=…` (same parameters as GET /search). */
  @Get(':format')
  async search(
    @Param('format') format: string,
    @Query() query: RawParams,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const search = this.feeds.parse(query);
    const what = search.query.text || 'latest articles';
    await this.feeds.respond(request, response, formatOf(format), search, {
      title: `newsfeed: ${what}`,
      description: `Articles matching ${what}`,
      selfPath: `/feeds/out/${format}${queryString(request)}`,
      sitePath: `/search${queryString(request)}`,
    });
  }

  /** One topic's feed: `/feeds/out/topic/medtop:11000000.atom` (filters may be added). */
  @Get('topic/:file')
  async topic(
    @Param('file') file: string,
    @Query() query: RawParams,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const parts = splitFeedFile(file);
    if (!parts) formatOf(file.slice(file.lastIndexOf('.') + 1));
    const { name, format } = parts!;
    const search = this.feeds.parse({ ...query, topic: name });
    await this.feeds.respond(request, response, format, search, {
      title: `newsfeed: ${name}`,
      description: `Articles about ${name}`,
      selfPath: `/feeds/out/topic/${encodeURIComponent(file)}${queryString(request)}`,
      sitePath: `/search?topic=${encodeURIComponent(name)}`,
    });
  }
}
