import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCursorCodec, type SearchCursor } from './cursor.js';
import { SearchInputError } from './errors.js';

const codec = createCursorCodec('a-test-secret-of-32-bytes-length');

function rejects(token: string, pattern: RegExp, context?: string): void {
  assert.throws(
    () => codec.decode(token, context),
    (error: unknown) =>
      error instanceof SearchInputError &&
      error.parameter === 'cursor' &&
      pattern.test(error.message),
  );
}

describe('cursor codec', () => {
  it('round-trips relevance and newest-first cursors exactly', () => {
    const cursors: SearchCursor[] = [
      { sort: 'relevance', rank: 0.0607927, id: '3f1c2a9e-7d4b-4c1e-9a55-0c0ffee00001' },
      { sort: 'relevance', rank: 1 / 3, id: '42' },
      { sort: 'newest', publishedAt: '2025-11-27T04:00:00.123456+00:00', id: '42' },
    ];
    for (const cursor of cursors) {
      const token = codec.encode(cursor, 'q=paris');
      assert.match(token, /^[\w-]+$/);
      assert.deepEqual(codec.decode(token, 'q=paris'), cursor);
    }
  });

  it('is opaque: no field is readable in the token', () => {
    const token = codec.encode({ sort: 'newest', publishedAt: '2025-01-01T00:00:00Z', id: 'abc' });
    assert.doesNotMatch(token, /2025|abc/);
  });

  it('rejects altered tokens, another secret and another search', () => {
    const token = codec.encode({ sort: 'relevance', rank: 0.5, id: '7' }, 'q=paris');
    const bytes = Buffer.from(token, 'base64url');
    bytes[bytes.length - 3] ^= 1;
    rejects(bytes.toString('base64url'), /altered/, 'q=paris');
    rejects(token, /another search/, 'q=lyon');
    const other = createCursorCodec('another-secret-of-enough-length');
    assert.throws(() => other.decode(token, 'q=paris'), SearchInputError);
  });

  it('rejects garbage, oversized and forged-but-malformed input with a 400', () => {
    rejects('', /not a cursor/);
    rejects('!!!', /not a cursor/);
    rejects('A'.repeat(10_000), /not a cursor/);
    rejects('AQ', /not a cursor/);
  });

  it('refuses a short secret', () => {
    assert.throws(() => createCursorCodec('short'), /at least 16 bytes/);
  });
});
