import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalUrlHash, canonicalizeUrl, isTrackingParam } from './canonical-url.js';
import { contentFingerprint, normalizeForFingerprint } from './fingerprint.js';
import { type DedupEntryInput, contentHash, dedupKeys } from './keys.js';

describe('canonicalizeUrl', () => {
  const table: ReadonlyArray<readonly [input: string, expected: string | undefined]> = [
    [
      'https://Example.COM/News/Story?utm_source=rss&utm_medium=feed',
      'https://example.com/News/Story',
    ],
    ['https://example.com/a?id=7&fbclid=abc&gclid=def', 'https://example.com/a?id=7'],
    ['https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&yclid=4&_ga=5', 'https://example.com/a'],
    ['https://example.com/a?ref=twitter&ref_src=twsrc', 'https://example.com/a'],
    ['https://example.com/a?UTM_Campaign=x&Id=1', 'https://example.com/a?Id=1'],
    ['https://example.com/a?pk_campaign=x&mtm_source=y&msclkid=z', 'https://example.com/a'],
    ['https://example.com/a?z=1&a=2&m=3', 'https://example.com/a?a=2&m=3&z=1'],
    ['https://example.com/a?b=2&a=1&b=1', 'https://example.com/a?a=1&b=2&b=1'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com/a?&&', 'https://example.com/a'],
    ['https://example.com/a?utm_source=x', 'https://example.com/a'],
    ['https://example.com/a#comments', 'https://example.com/a'],
    ['https://example.com/a?x=1#utm_source=y', 'https://example.com/a?x=1'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['http://example.com:443/a', 'http://example.com:443/a'],
    ['https://example.com./a', 'https://example.com/a'],
    ['https://user:pass@example.com/a', 'https://example.com/a'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/Path/CASE/Kept', 'https://example.com/Path/CASE/Kept'],
    ['https://example.com/%7euser/a%2fb', 'https://example.com/~user/a%2Fb'],
    ['https://example.com/a?q=a%2fb&x=%7e', 'https://example.com/a?q=a%2Fb&x=~'],
    ['https://example.com/search?q=hello+world', 'https://example.com/search?q=hello+world'],
    ['https://EXAMPLE.com/caf%C3%A9', 'https://example.com/caf%C3%A9'],
    ['https://bücher.example/a', 'https://xn--bcher-kva.example/a'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['ftp://example.com/a', undefined],
    ['mailto:a@example.com', undefined],
    ['tag:example.com,2025:1', undefined],
    ['not a url', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of table) {
    it(`${JSON.stringify(input)} -> ${expected}`, () =>
      assert.equal(canonicalizeUrl(input), expected));
  }
  it('resolves a relative link against the feed URL', () => {
    assert.equal(
      canonicalizeUrl('/p/1?utm_source=x', 'https://blog.example/feed.xml'),
      'https://blog.example/p/1',
    );
  });
  it('is idempotent', () => {
    for (const [input] of table) {
      const once = canonicalizeUrl(input);
      if (once) assert.equal(canonicalizeUrl(once), once);
    }
  });
  it('classifies tracking parameters', () => {
    for (const name of [
      'utm_source',
      'UTM_MEDIUM',
      'fbclid',
      'gclid',
      'mc_cid',
      'igshid',
      'ref',
      'ref_src',
      'yclid',
      '_ga',
    ]) {
      assert.equal(isTrackingParam(name), true, name);
    }
    for (const name of ['id', 'page', 'q', 'p', 'article', 'reference', 'utm'])
      assert.equal(isTrackingParam(name), false, name);
  });
});

describe('canonicalUrlHash', () => {
  it('strips tracking parameters BEFORE hashing', () => {
    const clean = canonicalUrlHash('https://example.com/story?id=1');
    assert.match(clean ?? '', /^[0-9a-f]{64}$/);
    assert.equal(
      canonicalUrlHash('https://EXAMPLE.com:443/story?utm_source=a&id=1&fbclid=x#top'),
      clean,
    );
  });
  it('treats http and https as one article, other differences as different', () => {
    assert.equal(
      canonicalUrlHash('http://example.com/story'),
      canonicalUrlHash('https://example.com/story'),
    );
    assert.notEqual(
      canonicalUrlHash('https://example.com/story'),
      canonicalUrlHash('https://example.com/Story'),
    );
    assert.notEqual(
      canonicalUrlHash('https://example.com/story?id=1'),
      canonicalUrlHash('https://example.com/story?id=2'),
    );
  });
  it('is the SHA-256 of the scheme-less canonical URL', () => {
    const expected = createHash('sha256').update('//example.com/a?b=1').digest('hex');
    assert.equal(canonicalUrlHash('https://example.com/a?b=1&utm_x=2'), expected);
  });
  it('is undefined without a URL', () => assert.equal(canonicalUrlHash(undefined), undefined));
});

describe('normalizeForFingerprint', () => {
  const table: ReadonlyArray<readonly [input: string, expected: string]> = [
    ['Hello,   World!', 'hello world'],
    ['  Leading and trailing\t\n', 'leading and trailing'],
    ['ＦＵＬＬ　ＷＩＤＴＨ', 'full width'],
    ['ﬁnance ﬂow', 'finance flow'],
    ['Straße', 'strasse'],
    ['ΟΔΟΣ οδος οδοσ', 'οδος οδος οδος'],
    ['don’t “quote” «me»', 'dont quote me'],
    ['U.S. economy', 'us economy'],
    ['well-known — fact', 'well known fact'],
    ['soft\u00adhyphen zero\u200bwidth', 'softhyphen zerowidth'],
    ['a/b\\c', 'a b c'],
    ['Price: $5 + 10%', 'price $5 + 10'],
    ['café', 'café'],
    ['cafe\u0301', 'café'],
    ['Line\r\nbreak', 'line break'],
    ['nul\u0000char', 'nulchar'],
    ['', ''],
  ];
  for (const [input, expected] of table) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () =>
      assert.equal(normalizeForFingerprint(input), expected));
  }
});

describe('contentFingerprint', () => {
  const title = 'Parliament passes the budget';
  const text = 'The parliament passed the 2026 budget on Tuesday after a long debate.';
  it('is a stable SHA-256 hex', () => {
    const expected = createHash('sha256')
      .update(`${normalizeForFingerprint(title)}\u0000${normalizeForFingerprint(text)}`)
      .digest('hex');
    assert.equal(contentFingerprint(title, text), expected);
  });
  it('ignores case, spacing, punctuation and Unicode forms', () => {
    const noisy = contentFingerprint(
      'PARLIAMENT  passes the budget!',
      'The parliament passed the 2026 budget on Tuesday, after a long debate',
    );
    assert.equal(noisy, contentFingerprint(title, text));
    assert.equal(
      contentFingerprint('Ｐａｒｌｉａｍｅｎｔ passes the budget', text),
      contentFingerprint(title, text),
    );
  });
  it('differs when the words differ', () => {
    assert.notEqual(
      contentFingerprint(title, text),
      contentFingerprint(title, text.replace('Tuesday', 'Monday')),
    );
    assert.notEqual(
      contentFingerprint(title, text),
      contentFingerprint('Parliament rejects the budget', text),
    );
  });
  it('keeps title and text apart', () => {
    assert.notEqual(
      contentFingerprint('ab cdefghijklmnopqrstuvwxyz', 'x'),
      contentFingerprint('ab', 'cdefghijklmnopqrstuvwxyz x'),
    );
  });
  it('refuses to fingerprint too little text', () => {
    assert.equal(contentFingerprint('Update', ''), undefined);
    assert.equal(contentFingerprint(undefined, undefined), undefined);
    assert.equal(contentFingerprint('!!! ??? ...', '   '), undefined);
    assert.ok(contentFingerprint('Update', '', { minChars: 1 }));
  });
});

describe('dedupKeys', () => {
  const entry: DedupEntryInput = {
    feedId: 'feed-1',
    guid: ' https://example.com/?p=123 ',
    url: 'https://example.com/2025/07/story?utm_source=rss',
    title: 'Parliament passes the budget',
    text: 'The parliament passed the 2026 budget on Tuesday after a long debate.',
  };
  it('produces the three keys', () => {
    const keys = dedupKeys(entry);
    assert.equal(keys.identity, 'https://example.com/?p=123');
    assert.equal(keys.identitySource, 'guid');
    assert.equal(
      keys.guidKey,
      createHash('sha256').update('feed-1\u0000https://example.com/?p=123').digest('hex'),
    );
    assert.equal(keys.canonicalUrl, 'https://example.com/2025/07/story');
    assert.equal(keys.urlKey, canonicalUrlHash('https://example.com/2025/07/story'));
    assert.equal(keys.fingerprint, contentFingerprint(entry.title, entry.text));
  });
  it('scopes the guid key to the feed, but not the URL key or fingerprint', () => {
    const a = dedupKeys(entry);
    const b = dedupKeys({
      ...entry,
      feedId: 'feed-2',
      url: 'http://EXAMPLE.com/2025/07/story?fbclid=1',
    });
    assert.notEqual(a.guidKey, b.guidKey);
    assert.equal(a.urlKey, b.urlKey);
    assert.equal(a.fingerprint, b.fingerprint);
  });
  it('falls back to the canonical URL, then to content, for the identity', () => {
    const byUrl = dedupKeys({ ...entry, guid: undefined });
    assert.equal(byUrl.identitySource, 'url');
    assert.equal(byUrl.identity, 'https://example.com/2025/07/story');
    const byContent = dedupKeys({
      feedId: 'f',
      title: 'T',
      text: 'body',
      publishedAt: '2025-07-01T00:00:00Z',
    });
    assert.equal(byContent.identitySource, 'content');
    assert.match(byContent.identity, /^content:[0-9a-f]{64}$/);
    assert.equal(byContent.urlKey, undefined);
    assert.equal(byContent.fingerprint, undefined, 'too short to fingerprint');
    assert.equal(
      dedupKeys({ feedId: 'f', title: 'T', text: 'body', publishedAt: '2025-07-01T00:00:00Z' })
        .identity,
      byContent.identity,
    );
    assert.notEqual(
      dedupKeys({ feedId: 'f', title: 'T', text: 'body 2' }).identity,
      byContent.identity,
    );
  });
  it('resolves a relative link against the feed URL', () => {
    assert.equal(
      dedupKeys({ feedId: 'f', url: '/p/1', baseUrl: 'https://blog.example/feed' }).canonicalUrl,
      'https://blog.example/p/1',
    );
  });
  it('uses the summary for the fingerprint when there is no text', () => {
    const keys = dedupKeys({ feedId: 'f', title: entry.title, summary: entry.text });
    assert.equal(keys.fingerprint, contentFingerprint(entry.title, entry.text));
  });
});

describe('contentHash', () => {
  const base: DedupEntryInput = {
    feedId: 'f',
    guid: 'g',
    url: 'https://example.com/a?utm_source=x',
    title: 'Title',
    text: 'Some text.',
    summary: 'Summary',
    enclosureUrls: ['https://cdn.example/b.mp3', 'https://cdn.example/a.jpg'],
  };
  const hash = contentHash(base);
  const same: ReadonlyArray<readonly [name: string, change: Partial<DedupEntryInput>]> = [
    ['whitespace', { text: '  Some\n  text. ' }],
    ['tracking parameters on the link', { url: 'https://example.com/a?fbclid=1' }],
    [
      'enclosure order',
      { enclosureUrls: ['https://cdn.example/a.jpg', 'https://cdn.example/b.mp3'] },
    ],
    [
      'markup when text is given',
      { contentHtml: '<p>Some text.<img src="https://t.example/px?r=123"></p>' },
    ],
    ['feed id (a version is per article)', { feedId: 'other' }],
  ];
  for (const [name, change] of same)
    it(`ignores ${name}`, () => assert.equal(contentHash({ ...base, ...change }), hash));
  const different: ReadonlyArray<readonly [name: string, change: Partial<DedupEntryInput>]> = [
    ['title', { title: 'Title (updated)' }],
    ['text', { text: 'Some other text.' }],
    ['summary', { summary: 'New summary' }],
    ['link', { url: 'https://example.com/b' }],
    ['an enclosure', { enclosureUrls: ['https://cdn.example/a.jpg'] }],
    ['punctuation (a correction is a change)', { text: 'Some text!' }],
  ];
  for (const [name, change] of different)
    it(`changes with ${name}`, () => assert.notEqual(contentHash({ ...base, ...change }), hash));
  it('uses the HTML when there is no plain text', () => {
    const a = contentHash({ ...base, text: undefined, contentHtml: '<p>one</p>' });
    const b = contentHash({ ...base, text: undefined, contentHtml: '<p>two</p>' });
    assert.notEqual(a, b);
    assert.match(a, /^[0-9a-f]{64}$/);
  });
});
