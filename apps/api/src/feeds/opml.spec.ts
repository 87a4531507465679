import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFeedUrl } from './feed-url.js';
import { OpmlError, parseOpml, renderOpml } from './opml.js';

const opml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Mine</title></head><body>${body}</body></opml>`;

describe('checkFeedUrl', () => {
  it('accepts http(s) and normalises host case and fragment', () => {
    assert.deepEqual(checkFeedUrl(' HTTPS://Example.ORG/feed.xml#top '), {
      ok: true,
      url: 'https://example.org/feed.xml',
    });
  });

  for (const [raw, reason] of [
    ['javascript:alert(1)', /only http and https/],
    ['file:///etc/passwd', /only http and https/],
    ['ftp://example.org/feed', /only http and https/],
    ['not a url', /not a valid absolute URL/],
    ['', /missing/],
    [`https://example.org/${'a'.repeat(3000)}`, /longer than/],
  ] as const) {
    it(`refuses ${raw.slice(0, 30) || 'an empty string'}`, () => {
      const checked = checkFeedUrl(raw);
      assert.equal(checked.ok, false);
      if (!checked.ok) assert.match(checked.reason, reason);
    });
  }
});

describe('parseOpml', () => {
  it('reads nested outlines with folder categories, entities and htmlUrl', () => {
    const parsed = parseOpml(
      opml(
        `<outline text="Tech"><outline type="rss" text="A &amp; B" xmlUrl="https://a.example/feed?x=1&amp;y=2" htmlUrl="https://a.example/"/></outline>` +
          `<outline type="rss" text="Top" xmlUrl="http://b.example/rss"/>`,
      ),
    );
    assert.equal(parsed.title, 'Mine');
    assert.deepEqual(parsed.feeds, [
      {
        url: 'https://a.example/feed?x=1&y=2',
        title: 'A & B',
        siteUrl: 'https://a.example/',
        category: 'Tech',
      },
      { url: 'http://b.example/rss', title: 'Top' },
    ]);
    assert.deepEqual(parsed.invalid, []);
  });

  it('reports invalid outlines with a reason and counts repeats once', () => {
    const parsed = parseOpml(
      opml(
        `<outline type="rss" text="x" xmlUrl="javascript:alert(1)"/>` +
          `<outline type="rss" text="no url"/>` +
          `<outline type="rss" xmlUrl="https://c.example/feed"/>` +
          `<outline type="rss" xmlUrl="https://C.example/feed#again"/>`,
      ),
    );
    assert.equal(parsed.feeds.length, 1);
    assert.equal(parsed.repeated, 1);
    assert.equal(parsed.invalid.length, 2);
    assert.match(parsed.invalid[0]!.reason, /only http and https/);
    assert.match(parsed.invalid[1]!.reason, /no xmlUrl/);
  });

  it('refuses a DOCTYPE (no entity expansion), a non-OPML root and malformed XML', () => {
    assert.throws(
      () => parseOpml(`<!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body/></opml>`),
      OpmlError,
    );
    assert.throws(() => parseOpml('<rss version="2.0"><channel/></rss>'), /no <opml> root/);
    assert.throws(() => parseOpml('<opml><body><outline></body>'), OpmlError);
  });

  it('limits the number of outlines', () => {
    const body = '<outline type="rss" xmlUrl="https://d.example/a"/>'.repeat(11);
    assert.throws(() => parseOpml(opml(body), { maxOutlines: 10 }), /more than 10 outlines/);
  });
});

describe('renderOpml', () => {
  it('round-trips through parseOpml with escaping', () => {
    const feeds = [
      {
        url: 'https://a.example/feed?x=1&y=2',
        title: 'Q&A <live> "now"',
        siteUrl: 'https://a.example/',
      },
      { url: 'http://b.example/rss', title: null, siteUrl: null },
    ];
    const parsed = parseOpml(renderOpml(feeds, 'export'));
    assert.equal(parsed.title, 'export');
    assert.deepEqual(
      parsed.feeds.map((f) => [f.url, f.title, f.siteUrl]),
      [
        ['https://a.example/feed?x=1&y=2', 'Q&A <live> "now"', 'https://a.example/'],
        ['http://b.example/rss', 'http://b.example/rss', undefined],
      ],
    );
  });
});
