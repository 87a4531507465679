import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sanitizeEntryContent } from '../sanitize/index.js';
import { parseFeed } from './parse-feed.js';
import { feedFixture } from './testing/fixture-paths.js';
import type { FeedEntry, ParsedFeed } from './types.js';

/** Hand-written cases (cases/README.md): compressed and encoded bodies, xml:base, broken XML. */

function read(folder: string, file: string): Buffer {
  const body = readFileSync(feedFixture('cases', folder, file));
  return file.endsWith('.gz') ? gunzipSync(body) : body;
}

function summary(entry: FeedEntry): [string | undefined, string | undefined] {
  return [entry.title, entry.link];
}

interface EncodedCase {
  readonly file: string;
  readonly contentType?: string;
  readonly format: ParsedFeed['format'];
  readonly title: string;
  readonly entryTitle: string;
  readonly entryText: string;
  readonly published: string;
}

const MSK_0815 = '2024-02-05T05:15:00.000Z';

const ENCODED: readonly EncodedCase[] = [
  {
    file: 'windows-1251.rss.gz',
    format: 'rss',
    title: 'Новости Оренбурга',
    entryTitle: 'Снег в апреле',
    entryText: 'Синоптики обещают потепление',
    published: MSK_0815,
  },
  {
    file: 'koi8-r-http-charset.rss.gz',
    contentType: 'application/rss+xml; charset=KOI8-R',
    format: 'rss',
    title: 'Новости',
    entryTitle: 'Привет, мир',
    entryText: 'Кодировка из заголовка HTTP',
    published: MSK_0815,
  },
  {
    file: 'gb2312.rss.gz',
    format: 'rss',
    title: '中文新闻',
    entryTitle: '今日头条',
    entryText: '北京天气晴朗',
    published: MSK_0815,
  },
  {
    file: 'iso-8859-15.rss.gz',
    format: 'rss',
    title: 'Prix en €',
    entryTitle: 'Œuvres à 5 €',
    entryText: 'Élève, cœur, façade',
    published: MSK_0815,
  },
  {
    file: 'utf-16le-bom.rss.gz',
    format: 'rss',
    title: 'Ελληνικά νέα',
    entryTitle: 'Καλημέρα κόσμε',
    entryText: 'UTF-16 με BOM',
    published: MSK_0815,
  },
  {
    file: 'shift_jis.atom.gz',
    format: 'atom',
    title: '日本語のニュース',
    entryTitle: '東京で桜が開花',
    entryText: '気象庁が発表しました',
    published: '2024-02-05T00:00:00.000Z',
  },
  {
    file: 'json-feed.json.gz',
    format: 'json',
    title: 'Café JSON',
    entryTitle: 'Crème brûlée',
    entryText: 'Sucre & feu',
    published: '2024-02-05T09:00:00.000Z',
  },
];

describe('gzip-compressed feeds in other charsets', () => {
  for (const sample of ENCODED) {
    it(`${sample.file}: gunzipped, decoded and parsed`, () => {
      const feed = parseFeed({ body: read('gzip', sample.file), contentType: sample.contentType });
      assert.equal(feed.format, sample.format);
      assert.equal(feed.title, sample.title);
      const first = feed.entries[0]!;
      assert.equal(first.title, sample.entryTitle);
      assert.equal(sanitizeEntryContent(first).text, sample.entryText);
      assert.equal(first.published, sample.published);
    });
  }

  it('the KOI8-R body without its HTTP charset is not silently mis-read as Cyrillic', () => {
    const feed = parseFeed({ body: read('gzip', 'koi8-r-http-charset.rss.gz') });
    assert.notEqual(feed.title, 'Новости');
  });
});

describe('xml:base', () => {
  const nested = parseFeed({ body: read('xml-base', 'atom-nested.atom') });
  const [first, second] = nested.entries as [FeedEntry, FeedEntry];

  it('resolves the feed link, self link and logo against the feed base', () => {
    assert.equal(nested.link, 'http://example.org/blog/');
    assert.equal(nested.feedUrl, 'http://example.org/blog/feed.atom');
    assert.equal(nested.image?.url, 'http://example.org/blog/img/logo.png');
  });

  it('stacks an entry base on the feed base for links and enclosures', () => {
    assert.equal(first.link, 'http://example.org/blog/2024/02/hello.html');
    assert.deepEqual(first.enclosures, [
      { url: 'http://example.org/blog/media/hello.mp3', type: 'audio/mpeg', length: 1000 },
    ]);
    assert.equal(first.authors[0]?.uri, 'http://example.org/people/ann');
  });

  it('makes URLs inside escaped HTML content absolute against the content’s own base', () => {
    assert.equal(
      first.content,
      '<p><img src="http://example.org/assets/pic.png"> <a href="http://example.org/about">about</a> <a href="https://other.example.net/x">abs</a></p>',
    );
    assert.equal(first.baseUrl, 'http://example.org/assets/');
    assert.equal(first.image?.url, 'http://example.org/assets/pic.png');
  });

  it('resolves query-only links and XHTML content against the feed base', () => {
    assert.equal(second.link, 'http://example.org/blog/?p=2');
    assert.equal(
      second.summary,
      '<a href="http://example.org/blog/#top">top</a> <img src="http://example.org/blog/i/2.png">',
    );
  });

  it('resolves a relative xml:base against the document URL, dropping its query and fragment for siblings', () => {
    const feed = parseFeed({
      body: read('xml-base', 'relative-to-document.atom'),
      url: 'https://feeds.example.net/feeds/main.xml',
    });
    assert.deepEqual(feed.entries.map(summary), [
      ['Query and fragment in the base', 'https://feeds.example.net/root/sub/page'],
      ['Broken base is ignored', 'https://feeds.example.net/root/kept.html'],
    ]);
    assert.equal(feed.entries[0]!.baseUrl, 'https://feeds.example.net/root/sub/?q=1#frag');
  });

  it('applies channel and item bases in RSS, to links, HTML, enclosures and comments', () => {
    const feed = parseFeed({ body: read('xml-base', 'rss-item-base.xml') });
    assert.equal(feed.link, 'https://news.example.com/world/index.html');
    const [own, inherited] = feed.entries as [FeedEntry, FeedEntry];
    assert.equal(own.link, 'https://cdn.example.com/2024/story.html');
    assert.equal(
      own.summary,
      '<a href="https://cdn.example.com/2024/related.html">related</a> <img src="https://cdn.example.com/img/1.jpg">',
    );
    assert.equal(own.enclosures[0]?.url, 'https://cdn.example.com/2024/clip.mp4');
    assert.equal(own.comments, 'https://cdn.example.com/2024/story.html#comments');
    assert.equal(inherited.link, 'https://news.example.com/world/other.html');
  });
});

interface BrokenCase {
  readonly file: string;
  readonly why: string;
  readonly entries: ReadonlyArray<[title: string | undefined, link: string | undefined]>;
  readonly title?: string;
  readonly check?: (feed: ParsedFeed) => void;
}

const BROKEN: readonly BrokenCase[] = [
  {
    file: 'missing-item-close.xml',
    why: 'an <item> left open is closed by the next <item>',
    entries: [
      ['First story', 'https://news.example.org/1'],
      ['Second story', 'https://news.example.org/2'],
      ['Third story', 'https://news.example.org/3'],
    ],
  },
  {
    file: 'truncated.xml',
    why: 'a body cut off mid-item keeps the complete items and what was read of the last',
    entries: [
      ['Complete one', 'https://news.example.org/a'],
      ['Complete two', 'https://news.example.org/b'],
      ['Half an ite', undefined],
    ],
    check: (feed) => assert.equal(feed.entries[0]!.published, '2024-01-02T10:00:00.000Z'),
  },
  {
    file: 'entities.xml',
    why: 'bare ampersands and HTML entities in XML are kept or decoded, never fatal',
    title: 'AT&T & Friends',
    entries: [
      [
        "Café\u00a0society 'quoted' &bogus; — done",
        'https://news.example.org/story?id=7&lang=en&copy=1',
      ],
    ],
    check: (feed) => {
      assert.equal(feed.link, 'https://news.example.org/?a=1&b=2');
      assert.equal(feed.entries[0]!.summary, 'Fish &amp; chips <b>bold</b> & more');
      assert.equal(sanitizeEntryContent(feed.entries[0]!).text, 'Fish & chips bold & more');
    },
  },
  {
    file: 'control-chars.xml',
    why: 'C0 control characters are dropped, tab and newlines kept',
    title: 'Controlchars',
    entries: [['Item one', 'https://news.example.org/c']],
    check: (feed) => assert.equal(feed.entries[0]!.summary, 'Tab\tand\r\nnewline kept'),
  },
  {
    file: 'unescaped-lt.xml',
    why: 'a bare < that starts no tag is text',
    entries: [
      ['When a < b and c > d', 'https://maths.example.org/lt'],
      ['1 <2 but 3<=4', 'https://maths.example.org/le'],
    ],
  },
  {
    file: 'php-warning-before-root.xml',
    why: 'HTML printed before the XML declaration is skipped to the feed root',
    title: 'Feed behind a PHP warning',
    entries: [['Still readable', 'https://blog.example.org/p/1']],
  },
  {
    file: 'junk-after-root.xml',
    why: 'markup after the root (and a second root) is ignored',
    title: 'Trailing junk',
    entries: [['Only entry', 'https://atom.example.org/only']],
  },
  {
    file: 'unclosed-cdata.xml',
    why: 'an unterminated CDATA section swallows the rest, but earlier entries stay intact',
    entries: [
      ['Before', 'https://cdata.example.org/1'],
      ['Broken', 'https://cdata.example.org/2'],
    ],
    check: (feed) => assert.equal(feed.entries[0]!.summary, '<p>fine</p>'),
  },
  {
    file: 'unquoted-attributes.xml',
    why: 'unquoted attribute values are read up to a space or >',
    entries: [['Podcast', 'https://pod.example.org/1']],
    check: (feed) => {
      const entry = feed.entries[0]!;
      assert.deepEqual(entry.enclosures, [
        { url: 'https://pod.example.org/ep1.mp3', type: 'audio/mpeg', length: 12345 },
      ]);
      assert.equal(entry.image?.url, 'https://pod.example.org/ep1.jpg');
      assert.equal(entry.guid, 'ep-1');
    },
  },
  {
    file: 'mismatched-case.xml',
    why: 'a closing tag in another case closes the open element',
    entries: [
      ['Upper open', 'https://case.example.org/1'],
      ['Shouting', 'https://case.example.org/2'],
    ],
    check: (feed) => assert.equal(feed.entries[1]!.published, '2024-01-03T08:30:00.000Z'),
  },
  {
    file: 'naked-html.xml',
    why: 'unescaped, mis-nested HTML in a description is rebalanced and does not eat the next item',
    entries: [
      ['Unclosed bold', 'https://html.example.org/1'],
      ['After it', 'https://html.example.org/2'],
    ],
    check: (feed) =>
      assert.equal(feed.entries[0]!.summary, 'Hello <b>world <i>and</i></b> more<br> text'),
  },
  {
    file: 'no-channel.xml',
    why: 'items directly under <rss> are read',
    title: 'Items without a channel',
    entries: [
      ['Loose one', 'https://loose.example.org/1'],
      ['Loose two', 'https://loose.example.org/2'],
    ],
  },
  {
    file: 'stray-closers-and-comments.xml',
    why: 'stray closing tags, commented-out items and DOCTYPE entities change nothing',
    title: 'Stray &xxe;',
    entries: [
      ['Real', 'https://stray.example.org/1'],
      ['Last', 'https://stray.example.org/2'],
    ],
  },
  {
    file: 'empty-and-self-closed.xml',
    why: 'empty and self-closed items are entries with nothing in them',
    entries: [
      [undefined, undefined],
      [undefined, undefined],
      [undefined, 'https://empty.example.org/3'],
    ],
    check: (feed) => assert.equal(feed.entries[1]!.guid, 'tag:empty.example.org,2024:2'),
  },
];

describe('malformed XML with recoverable entries', () => {
  for (const sample of BROKEN) {
    it(`${sample.file}: ${sample.why}`, () => {
      const feed = parseFeed({ body: read('broken', sample.file) });
      assert.deepEqual(feed.entries.map(summary), sample.entries);
      if (sample.title !== undefined) assert.equal(feed.title, sample.title);
      sample.check?.(feed);
    });
  }
});
