import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ENV } from '#platform';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import type { SearchRequest } from '../search/query/index.js';
import { SearchService, type SearchItem } from '../search/search.service.js';
import {
  cacheHeaders,
  etagOf,
  isNotModified,
  renderFeed,
  type FeedFormat,
  type OutputArticle,
} from './index.js';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export interface FeedDescription {
  title: string;
  description: string;
  /** Path and query of the feed itself, e.g. `/feeds/out/rss?q=paris`. */
  selfPath: string;
  /** Path and query of the matching human page, e.g. `/search?q=paris`. */
  sitePath: string;
}

/** Renders a search as RSS, Atom or JSON Feed with ETag/Last-Modified and 304s. */
@Injectable()
export class FeedResponder {
  constructor(
    private readonly search: SearchService,
    private readonly taxonomy: Taxonomy,
    @Inject(ENV) private readonly env: { PUBLIC_URL?: string },
  ) {}

  /** Output feeds list the newest matches unless the caller asks for relevance. */
  parse(params: Record<string, unknown>): SearchRequest {
    const withSort = params.sort === undefined ? { ...params, sort: 'newest' } : params;
    return this.search.parse(withSort, { defaultLimit: 50 });
  }

  async respond(
    request: Request,
    response: Response,
    format: FeedFormat,
    search: SearchRequest,
    description: FeedDescription,
  ): Promise<void> {
    const page = await this.search.page({ ...search, cursor: undefined });
    const base = this.baseUrl(request);
    const updatedAt = newest(page.items.map((item) => item.indexedAt)) ?? new Date(0);
    const { body, contentType } = renderFeed(
      format,
      {
        title: description.title,
        description: description.description,
        selfUrl: new URL(description.selfPath, base).href,
        siteUrl: new URL(description.sitePath, base).href,
        updatedAt,
        language: search.filters.lang.length === 1 ? search.filters.lang[0] : undefined,
      },
      page.items.map((item) => this.toOutput(item, base)),
    );
    const representation = { etag: etagOf(body), lastModified: updatedAt };
    response.set(cacheHeaders(representation));
    const conditional = {
      method: request.method,
      ifNoneMatch: request.header('if-none-match'),
      ifModifiedSince: request.header('if-modified-since'),
    };
    if (isNotModified(conditional, representation)) {
      response.status(304).end();
      return;
    }
    response.status(200).type(contentType).send(body);
  }

  private toOutput(item: SearchItem, base: string): OutputArticle {
    return {
      id: item.id,
      url: item.url ?? new URL(`/articles/${item.id}`, base).href,
      title: item.title,
      summary: item.summary,
      publishedAt: item.publishedAt,
      updatedAt: item.indexedAt,
      language: item.language,
      topics: item.topics.map((code) => ({ code, label: this.taxonomy.topicLabel(code) })),
    };
  }

  private baseUrl(request: Request): string {
    return this.env.PUBLIC_URL ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
  }
}

function newest(dates: string[]): Date | undefined {
  const times = dates.map((date) => Date.parse(date)).filter((time) => !Number.isNaN(time));
  return times.length ? new Date(Math.max(...times)) : undefined;
}

/** `medtop:11000000.rss` → code and format; undefined when the extension is not a format. */
export function splitFeedFile(file: string): { name: string; format: FeedFormat } | undefined {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1) as FeedFormat;
  if (dot <= 0 || !FEED_FORMATS.includes(format)) return undefined;
  return { name: file.slice(0, dot), format };
}

/** The request's query string, unchanged, for self links. */
export function queryString(request: Request): string {
  const at = request.originalUrl.indexOf('?');
  return at === -1 ? '' : request.originalUrl.slice(at);
}
