import { createHmac, timingSafeEqual } from 'node:crypto';
import { SearchInputError } from './errors.js';

/**
 * Where a page ended. `rank` must be compared in SQL with the same type it was read as
 * (ts_rank returns real: compare `rank < $1::real`). `publishedAt` is kept as text with
 * microseconds (select `to_char(published_at AT TIME ZONE 'UTC', …)` or the raw column as
 * text): a JS Date would truncate to milliseconds and skip rows on the page boundary.
 */
export type SearchCursor =
  | { sort: 'relevance'; rank: number; id: string }
  | { sort: 'newest'; publishedAt: string; id: string };

export interface CursorCodec {
  /** `context` binds the cursor to a query and filters (e.g. their canonical text). */
  encode(cursor: SearchCursor, context?: string): string;
  /** Throws SearchInputError (parameter `cursor`) for anything not made by encode. */
  decode(token: string, context?: string): SearchCursor;
}

const VERSION = 1;
const MAC_BYTES = 16;
const MAX_TOKEN_LENGTH = 512;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;
const ID = /^[\w-]{1,64}$/;

function invalid(reason: string): never {
  throw new SearchInputError('cursor', 'invalid_cursor', `cursor is invalid: ${reason}`);
}

type Packed = [sort: 'r' | 'n', key: number | string, id: string];

function pack(cursor: SearchCursor): Packed {
  return cursor.sort === 'relevance'
    ? ['r', cursor.rank, cursor.id]
    : ['n', cursor.publishedAt, cursor.id];
}

function unpack(value: unknown): SearchCursor {
  if (!Array.isArray(value) || value.length !== 3) invalid('malformed');
  const [sort, key, id] = value as unknown[];
  if (typeof id !== 'string' || !ID.test(id)) invalid('bad id');
  if (sort === 'r' && typeof key === 'number' && Number.isFinite(key)) {
    return { sort: 'relevance', rank: key, id };
  }
  if (sort === 'n' && typeof key === 'string' && TIMESTAMP.test(key)) {
    return { sort: 'newest', publishedAt: key, id };
  }
  return invalid('malformed');
}

/**
 * Opaque, tamper-evident page cursors: base64url(version ‖ HMAC-SHA256 truncated to 128 bits ‖
 * JSON). The HMAC covers the context too, so a cursor only works for the search that issued it.
 */
export function createCursorCodec(secret: string | Buffer): CursorCodec {
  if (secret.length < 16) throw new Error('cursor secret must be at least 16 bytes');
  const mac = (body: Buffer, context: string) =>
    createHmac('sha256', secret)
      .update(context)
      .update('\0')
      .update(body)
      .digest()
      .subarray(0, MAC_BYTES);

  return {
    encode(cursor, context = '') {
      const body = Buffer.from(JSON.stringify(pack(cursor)));
      return Buffer.concat([Buffer.from([VERSION]), mac(body, context), body]).toString(
        'base64url',
      );
    },
    decode(token, context = '') {
      if (token.length > MAX_TOKEN_LENGTH || !/^[\w-]+$/.test(token)) invalid('not a cursor');
      const raw = Buffer.from(token, 'base64url');
      if (raw.length <= 1 + MAC_BYTES || raw[0] !== VERSION) invalid('not a cursor');
      const body = raw.subarray(1 + MAC_BYTES);
      if (!timingSafeEqual(raw.subarray(1, 1 + MAC_BYTES), mac(body, context))) {
        invalid('it was altered or belongs to another search');
      }
      try {
        return unpack(JSON.parse(body.toString('utf8')));
      } catch (error) {
        if (error instanceof SearchInputError) throw error;
        return invalid('malformed');
      }
    },
  };
}
