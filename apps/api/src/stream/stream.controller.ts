import { Controller, Get, Injectable, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { RawParams, SearchRequest } from '../search/query/index.js';
import { SearchInputFilter } from '../search/search-errors.js';
import { SearchService, type SearchItem } from '../search/search.service.js';
import { StreamHub } from './stream-hub.js';
import {
  formatPosition,
  parsePosition,
  sseMessage,
  type StreamPosition,
} from './stream-position.js';

const REPLAY_PAGE = 500;
const REPLAY_MAX = 5000;
const KEEPALIVE_MS = 15_000;
/**
 * A replay starts this long before Last-Event-ID: indexed_at is the time an indexer's statement
 * started, so a batch that committed after the client's last event may carry an earlier time.
 * Articles inside the overlap can arrive a second time (same event id); none is skipped.
 */
export const REPLAY_OVERLAP_MS = 5000;
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Serves one SSE connection: replay after Last-Event-ID, then live matches, deduplicated. */
export class StreamSession {
  private readonly sent = new Set<string>();
  private buffered: SearchItem[] | undefined = [];
  private closed = false;

  constructor(private readonly response: Response) {}

  start(): void {
    this.response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    this.response.flushHeaders();
    this.response.write('retry: 3000\n\n');
  }

  /** Live items arrive here; while the replay runs they wait, so order is kept. */
  deliver(items: SearchItem[]): void {
    if (this.buffered) this.buffered.push(...items);
    else this.send(items);
  }

  endReplay(): void {
    const pending = this.buffered ?? [];
    this.buffered = undefined;
    this.send(pending);
  }

  send(items: SearchItem[]): void {
    for (const item of items) {
      const key = `${item.id}:${item.version}`;
      if (this.closed || this.sent.has(key)) continue;
      this.sent.add(key);
      if (this.sent.size > 10_000) this.sent.clear();
      const id = formatPosition({ indexedAt: item.indexedAt, id: item.id });
      this.response.write(sseMessage('article', id, item));
    }
  }

  ping(): void {
    if (!this.closed) this.response.write(': keep-alive\n\n');
  }

  close(): void {
    this.closed = true;
  }
}

@Injectable()
export class StreamService {
  constructor(
    private readonly search: SearchService,
    private readonly hub: StreamHub,
  ) {}

  parse(params: RawParams): SearchRequest {
    const all = Object.keys(params).length === 0;
    return this.search.parse(all ? { since: '1900-01-01' } : params);
  }

  async serve(
    search: SearchRequest,
    position: StreamPosition | undefined,
    request: Request,
    response: Response,
  ): Promise<void> {
    const session = new StreamSession(response);
    session.start();
    const remove = this.hub.add({ request: search, deliver: (items) => session.deliver(items) });
    const keepAlive = setInterval(() => session.ping(), KEEPALIVE_MS);
    request.on('close', () => {
      session.close();
      remove();
      clearInterval(keepAlive);
    });
    if (position) await this.replay(session, search, position);
    session.endReplay();
  }

  private async replay(
    session: StreamSession,
    search: SearchRequest,
    from: StreamPosition,
  ): Promise<void> {
    const overlapStart = new Date(Date.parse(from.indexedAt) - REPLAY_OVERLAP_MS).toISOString();
    let position: StreamPosition = { indexedAt: overlapStart, id: NO_ID };
    const isLastSeen = (item: SearchItem) =>
      item.id === from.id && Date.parse(item.indexedAt) === Date.parse(from.indexedAt);
    for (let total = 0; total < REPLAY_MAX; total += REPLAY_PAGE) {
      const items = await this.search.after(search, position, REPLAY_PAGE);
      session.send(items.filter((item) => !isLastSeen(item)));
      const last = items[items.length - 1];
      if (!last || items.length < REPLAY_PAGE) return;
      position = { indexedAt: last.indexedAt, id: last.id };
    }
  }
}

@Controller('stream')
@UseFilters(SearchInputFilter)
export class StreamController {
  constructor(private readonly streams: StreamService) {}

  /**
   * Server-Sent Events of newly indexed articles matching the same parameters as GET /search
   * (no parameter: everything). Resumable: `Last-Event-ID` (header, or `lastEventId` for
   * clients that cannot set headers) replays what was indexed since.
   */
  @Get()
  async stream(
    @Query() query: RawParams,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { lastEventId, ...params } = query;
    const position = resumePosition(request, lastEventId);
    await this.streams.serve(this.streams.parse(params), position, request, response);
  }
}

export function resumePosition(request: Request, lastEventId: unknown): StreamPosition | undefined {
  const resume =
    request.header('last-event-id') ?? (typeof lastEventId === 'string' ? lastEventId : undefined);
  return resume ? parsePosition(resume) : undefined;
}
