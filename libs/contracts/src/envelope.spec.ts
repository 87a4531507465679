import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractViolationError, decodeEvent, encodeEvent, headersToStrings } from './envelope.js';
import { TOPICS } from './topics.js';
import { sampleFetched, sampleIngested } from './testing/samples.js';

const source = '/newsfeed/test';

describe('CloudEvents envelope', () => {
  it('round-trips a payload through headers and JSON body', () => {
    const payload = sampleIngested();
    const encoded = encodeEvent(TOPICS.articleIngested, payload, {
      key: payload.articleId,
      source,
    });
    assert.equal(encoded.headers.ce_type, 'news.articles.ingested.v1');
    assert.equal(encoded.headers.ce_specversion, '1.0');
    assert.equal(encoded.headers.ce_source, source);
    assert.match(encoded.headers.ce_id, /^[0-9a-f-]{36}$/);
    const decoded = decodeEvent(
      TOPICS.articleIngested,
      Buffer.from(encoded.value),
      encoded.headers,
    );
    assert.deepEqual(decoded.payload, payload);
    assert.equal(decoded.attributes.id, encoded.headers.ce_id);
  });

  it('refuses to encode a payload that breaks the contract', () => {
    const bad = sampleFetched({ outcome: 'exploded' as never });
    assert.throws(
      () => encodeEvent(TOPICS.feedFetched, bad, { key: bad.feedId, source }),
      (error: unknown) => error instanceof ContractViolationError && /outcome/.test(error.message),
    );
  });

  it('names what is wrong with a received message', () => {
    const payload = sampleIngested();
    const { headers, value } = encodeEvent(TOPICS.articleIngested, payload, { key: 'k', source });
    const cases: [string, Buffer | null, Record<string, string>, RegExp][] = [
      [
        'missing header',
        Buffer.from(value),
        { ...headers, ce_id: '' },
        /missing CloudEvents headers: ce_id/,
      ],
      [
        'wrong type',
        Buffer.from(value),
        { ...headers, ce_type: 'news.other.v1' },
        /does not belong/,
      ],
      ['bad JSON', Buffer.from('{'), headers, /not valid JSON/],
      ['empty body', null, headers, /empty message body/],
      ['bad field', Buffer.from(JSON.stringify({ ...payload, version: 0 })), headers, /version/],
      ['old spec', Buffer.from(value), { ...headers, ce_specversion: '0.3' }, /ce_specversion/],
    ];
    for (const [name, body, hdrs, expected] of cases) {
      assert.throws(
        () => decodeEvent(TOPICS.articleIngested, body, hdrs),
        (error: unknown) => error instanceof ContractViolationError && expected.test(error.message),
        name,
      );
    }
  });

  it('reads Kafka header buffers as strings', () => {
    const headers = headersToStrings({
      a: Buffer.from('x'),
      b: [Buffer.from('1'), 'two'],
      c: undefined,
    });
    assert.deepEqual(headers, { a: 'x', b: 'two' });
  });
});
