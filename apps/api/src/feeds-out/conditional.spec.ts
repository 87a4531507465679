import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cacheHeaders, etagOf, isNotModified, weakEtagOf } from './conditional.js';

const lastModified = new Date('2025-05-02T08:00:00.750Z');
const etag = etagOf('<rss/>');

describe('ETags', () => {
  it('change with the content and are quoted', () => {
    assert.match(etag, /^"[\w-]{27}"$/);
    assert.equal(etagOf('<rss/>'), etag);
    assert.notEqual(etagOf('<rss />'), etag);
    assert.match(weakEtagOf(['q', 42]), /^W\/"[\w-]{27}"$/);
    assert.notEqual(weakEtagOf(['q', 42]), weakEtagOf(['q', 43]));
  });
});

describe('isNotModified', () => {
  it('answers 304 when If-None-Match lists the ETag, weakly compared, or is *', () => {
    assert.equal(isNotModified({ ifNoneMatch: etag }, { etag }), true);
    assert.equal(isNotModified({ ifNoneMatch: `"other", W/${etag}` }, { etag }), true);
    assert.equal(isNotModified({ ifNoneMatch: '*' }, { etag }), true);
    assert.equal(isNotModified({ ifNoneMatch: '"other"' }, { etag }), false);
  });

  it('lets If-None-Match win over If-Modified-Since', () => {
    const future = 'Fri, 01 Jan 2100 00:00:00 GMT';
    assert.equal(
      isNotModified({ ifNoneMatch: '"x"', ifModifiedSince: future }, { etag, lastModified }),
      false,
    );
  });

  it('compares If-Modified-Since at one-second resolution', () => {
    const same = 'Fri, 02 May 2025 08:00:00 GMT';
    assert.equal(isNotModified({ ifModifiedSince: same }, { etag, lastModified }), true);
    assert.equal(
      isNotModified({ ifModifiedSince: 'Fri, 02 May 2025 07:59:59 GMT' }, { etag, lastModified }),
      false,
    );
    assert.equal(isNotModified({ ifModifiedSince: 'garbage' }, { etag, lastModified }), false);
    assert.equal(isNotModified({ ifModifiedSince: same }, { etag }), false);
  });

  it('applies to GET and HEAD only', () => {
    assert.equal(isNotModified({ method: 'HEAD', ifNoneMatch: etag }, { etag }), true);
    assert.equal(isNotModified({ method: 'POST', ifNoneMatch: etag }, { etag }), false);
  });

  it('cacheHeaders carry ETag, Last-Modified as an HTTP date and Cache-Control', () => {
    assert.deepEqual(cacheHeaders({ etag, lastModified }, 30), {
      ETag: etag,
      'Cache-Control': 'public, max-age=30',
      'Last-Modified': 'Fri, 02 May 2025 08:00:00 GMT',
    });
  });
});
