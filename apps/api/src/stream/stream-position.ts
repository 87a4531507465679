import { SearchInputError } from '../search/query/index.js';

/** Where a client is in the stream: an indexed_at (UTC, microseconds) and an article id. */
export interface StreamPosition {
  indexedAt: string;
  id: string;
}

const POSITION =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function formatPosition(position: StreamPosition): string {
  return `${position.indexedAt}~${position.id}`;
}

/** Parses a Last-Event-ID; a malformed one is a 400, not a silent restart from now. */
export function parsePosition(value: string): StreamPosition {
  const match = POSITION.exec(value.trim());
  if (!match || Number.isNaN(Date.parse(match[1]!))) {
    throw new SearchInputError(
      'Last-Event-ID',
      'invalid_event_id',
      'Last-Event-ID must be an id this stream sent (<indexedAt>~<article id>)',
    );
  }
  return { indexedAt: match[1]!, id: match[2]!.toLowerCase() };
}

/** One SSE message; data is JSON on a single line, so it never needs splitting. */
export function sseMessage(event: string, id: string | undefined, data: unknown): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
