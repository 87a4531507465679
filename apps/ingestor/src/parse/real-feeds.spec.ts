import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { parseFeed } from './parse-feed.js';
import { feedFixture } from './testing/fixture-paths.js';
import { FeedParseError } from './types.js';

/** Real feeds from node-feedparser's and rss-parser's suites. */

const NOT_FEEDS = new Set(['notafeed.html', 'unrecognized.rss']);
const GZIPPED = new Set(['compressed.xml', 'invalid-characters-gzipped.xml']);
/** Where rss-parser is the one that is wrong, so its count is no oracle. */
const RSS_PARSER_WRONG: Readonly<Record<string, string>> = {
  'complexNamespaceFeed.xml': 'rss-parser ignores entries whose Atom elements carry a prefix',
};
/** Feeds that deliberately contain empty entries. */
const EMPTY_ENTRIES = new Set(['incomplete-fields.atom', 'missing-fields.atom']);

function load(folder: string, file: string): Buffer {
  const body = readFileSync(join(folder, file));
  return GZIPPED.has(file) ? gunzipSync(body) : body;
}

const corpora = [
  feedFixture('node-feedparser', 'test', 'feeds'),
  feedFixture('rss-parser', 'test', 'input'),
];

describe('real feeds', () => {
  for (const folder of corpora) {
    for (const file of readdirSync(folder).filter((name) => !NOT_FEEDS.has(name))) {
      it(`${file}: every entry has an identity and the count matches rss-parser`, async () => {
        const body = load(folder, file);
        const feed = parseFeed({ body, url: 'https://feeds.example.org/feed' });
        assert.ok(feed.entries.length > 0, 'has entries');
        if (!EMPTY_ENTRIES.has(file)) {
          for (const entry of feed.entries) {
            assert.ok(entry.guid || entry.link || entry.title, 'entry is identifiable');
          }
        }
        const reference = RSS_PARSER_WRONG[file] ? undefined : await rssParserItemCount(body);
        if (reference !== undefined) assert.equal(feed.entries.length, reference);
      });
    }
  }

  for (const file of NOT_FEEDS) {
    it(`${file} is refused as not a feed`, () => {
      const folder = corpora.find((path) => readdirSync(path).includes(file))!;
      assert.throws(() => parseFeed({ body: load(folder, file) }), FeedParseError);
    });
  }
});

async function rssParserItemCount(body: Buffer): Promise<number | undefined> {
  try {
    const parsed = await new Parser().parseString(body.toString('utf8'));
    return parsed.items.length;
  } catch {
    return undefined; // rss-parser gives up on some of these; ours must not
  }
}

describe('specific real-world behaviour', () => {
  const feedparser = (file: string) => load(corpora[0]!, file);
  const rssParser = (file: string) => load(corpora[1]!, file);

  it('resolves relative links against xml:base and the feed URL', () => {
    const feed = parseFeed({
      body: feedparser('rss-with-relative-urls.xml'),
      url: 'http://example.com/feed.xml',
    });
    for (const entry of feed.entries) assert.match(entry.link ?? '', /^https?:\/\//);
  });

  it('uses the item-scoped xml:base for an item', () => {
    const feed = parseFeed({ body: feedparser('tpm-with-fragment-base.atom') });
    assert.ok(feed.entries.every((entry) => entry.link?.startsWith('http')));
  });

  it('reads a windows-1251 feed into Cyrillic text', () => {
    const feed = parseFeed({ body: feedparser('iconv.xml') });
    assert.match(feed.title ?? '', /Новости Оренбурга/);
  });

  it('recovers entries from illegally nested markup', () => {
    const feed = parseFeed({ body: feedparser('illegally-nested.xml') });
    assert.equal(feed.entries.length, 10);
    assert.ok(feed.entries.every((entry) => entry.title && entry.link));
  });

  it('keeps the readable entries of a feed with a SAX error', () => {
    const feed = parseFeed({ body: feedparser('saxerror.xml') });
    assert.ok(feed.entries.some((entry) => entry.title === 'Good Item'));
  });

  it('reads Portuguese dates from UOL', () => {
    const feed = parseFeed({ body: rssParser('uolNoticias.rss') });
    assert.equal(feed.entries[0]?.published, '2018-09-24T22:42:40.000Z');
  });

  it('reads podcast enclosures and iTunes images', () => {
    const feed = parseFeed({ body: rssParser('giantbomb-podcast.rss') });
    const first = feed.entries[0]!;
    assert.ok(first.enclosures.some((enclosure) => enclosure.type?.startsWith('audio/')));
    assert.ok(feed.image?.url.startsWith('http'));
  });
});
