import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderFeed, JSON_FEED_VERSION, type ChannelMeta, type OutputArticle } from './index.js';

const channel: ChannelMeta = {
  title: 'Search: élections & "votes" <2025>',
  selfUrl: 'https://news.example.org/feeds/out/search.rss?q=%C3%A9lections&lang=fr',
  siteUrl: 'https://news.example.org/search?q=%C3%A9lections',
  description: 'Articles matching élections',
  updatedAt: new Date('2025-05-02T08:00:00Z'),
  language: 'fr',
};

const articles: OutputArticle[] = [
  {
    id: '3f1c2a9e-7d4b-4c1e-9a55-0c0ffee00001',
    url: 'https://lemonde.example/politique/elections?x=1&y=2',
    title: 'Élections : <b>Paris</b> & Lyon\u0000 votent \u0007encore',
    summary: 'Le résumé « complet » avec \u001b[31m des contrôles et ]]> fin',
    contentHtml: '<p>Texte <a href="https://x.example/?a=1&amp;b=2">lien</a></p>',
    author: 'Marie Dupont',
    publishedAt: '2025-05-01T10:30:00.250Z',
    updatedAt: new Date('2025-05-02T07:00:00Z'),
    language: 'fr',
    topics: [{ code: 'medtop:11000000', label: 'politique' }],
  },
  {
    id: '12345',
    url: 'https://example.ru/news/1',
    title: 'Выборы в Москве',
    summary: 'Явка была высокой.',
    publishedAt: new Date('2025-04-30T22:00:00Z'),
    language: 'ru',
  },
];

const LISTS = new Set([
  'rss.channel.item',
  'rss.channel.item.category',
  'feed.link',
  'feed.entry',
  'feed.entry.link',
  'feed.entry.category',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

function parseXml(body: string) {
  const valid = XMLValidator.validate(body);
  assert.equal(valid, true, JSON.stringify(valid));
  // eslint-disable-next-line no-control-regex -- the test looks for control characters
  assert.doesNotMatch(body, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  return parser.parse(body);
}

describe('RSS 2.0', () => {
  const { body, contentType } = renderFeed('rss', channel, articles);
  const rss = parseXml(body).rss;

  it('is well-formed with the required channel elements and atom:link rel=self', () => {
    assert.equal(contentType, 'application/rss+xml; charset=utf-8');
    assert.equal(rss['@version'], '2.0');
    assert.equal(rss.channel.title, channel.title);
    assert.equal(rss.channel.link, channel.siteUrl);
    assert.equal(rss.channel.description, channel.description);
    const self = rss.channel['atom:link'];
    assert.equal(self['@rel'], 'self');
    assert.equal(self['@href'], channel.selfUrl);
  });

  it('escapes markup and drops control characters from items', () => {
    const [first] = rss.channel.item;
    assert.equal(first.title, 'Élections : <b>Paris</b> & Lyon votent encore');
    assert.equal(first.link, articles[0]?.url);
    assert.match(first.description, /contrôles et \]\]> fin$/);
    assert.equal(first['content:encoded'], articles[0]?.contentHtml);
    assert.equal(first['dc:creator'], 'Marie Dupont');
    assert.deepEqual(first.category[0], { '#text': 'politique', '@domain': 'medtop:11000000' });
  });

  it('has non-permalink guids and RFC 822 dates', () => {
    const [first, second] = rss.channel.item;
    assert.equal(first.guid['@isPermaLink'], 'false');
    assert.equal(first.guid['#text'], 'urn:uuid:3f1c2a9e-7d4b-4c1e-9a55-0c0ffee00001');
    assert.match(second.guid['#text'], /^tag:news\.example\.org,2025:article:12345$/);
    assert.equal(first.pubDate, 'Thu, 01 May 2025 10:30:00 GMT');
    assert.match(rss.channel.lastBuildDate, /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });
});

describe('Atom 1.0', () => {
  const { body, contentType } = renderFeed('atom', channel, articles);
  const feed = parseXml(body).feed;
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

  it('has the required feed elements: id, title, updated, author, rel=self', () => {
    assert.equal(contentType, 'application/atom+xml; charset=utf-8');
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed.id, channel.selfUrl);
    assert.equal(feed.title['#text'], channel.title);
    assert.equal(feed.updated, '2025-05-02T08:00:00Z');
    assert.equal(feed.author.name, channel.title);
    const self = feed.link.find((l: Record<string, string>) => l['@rel'] === 'self');
    assert.equal(self['@href'], channel.selfUrl);
  });

  it('has entries with id, title, updated (RFC 3339), alternate link and content', () => {
    const [first, second] = feed.entry;
    for (const entry of [first, second]) {
      assert.ok(entry.id && entry.title['#text']);
      assert.match(entry.updated, rfc3339);
      assert.match(entry.published, rfc3339);
      assert.equal(entry.link[0]['@rel'], 'alternate');
    }
    assert.equal(first.published, '2025-05-01T10:30:00.250Z');
    assert.equal(first.updated, '2025-05-02T07:00:00Z');
    assert.equal(second.updated, second.published);
    assert.equal(first['@xml:lang'], 'fr');
    assert.equal(first.content['@type'], 'html');
    assert.equal(first.content['#text'], articles[0]?.contentHtml);
    assert.equal(first.author.name, 'Marie Dupont');
    assert.equal(first.category[0]['@term'], 'medtop:11000000');
  });

  it('takes feed updated from the newest entry when it is newer than the channel', () => {
    const later = renderFeed('atom', { ...channel, updatedAt: '2025-01-01T00:00:00Z' }, articles);
    assert.equal(parseXml(later.body).feed.updated, '2025-05-02T07:00:00Z');
  });
});

describe('JSON Feed 1.1', () => {
  const { body, contentType } = renderFeed('json', channel, articles);
  const feed = JSON.parse(body);

  it('has version, title, feed_url and items with id and content', () => {
    assert.equal(contentType, 'application/feed+json; charset=utf-8');
    assert.equal(feed.version, JSON_FEED_VERSION);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.title, channel.title);
    assert.equal(feed.feed_url, channel.selfUrl);
    assert.equal(feed.home_page_url, channel.siteUrl);
    for (const item of feed.items) {
      assert.equal(typeof item.id, 'string');
      assert.ok(item.content_html || item.content_text);
    }
  });

  it('maps authors, tags, language and RFC 3339 dates, omitting absent fields', () => {
    const [first, second] = feed.items;
    assert.deepEqual(first.authors, [{ name: 'Marie Dupont' }]);
    assert.deepEqual(first.tags, ['politique']);
    assert.equal(first.date_published, '2025-05-01T10:30:00.250Z');
    assert.equal(first.date_modified, '2025-05-02T07:00:00Z');
    assert.equal(first.title, 'Élections : <b>Paris</b> & Lyon votent encore');
    assert.equal(second.content_text, 'Явка была высокой.');
    assert.equal(second.language, 'ru');
    assert.ok(!('authors' in second) && !('date_modified' in second) && !('tags' in second));
  });
});

describe('renderers', () => {
  it('render an empty list as a valid feed', () => {
    parseXml(renderFeed('rss', channel, []).body);
    parseXml(renderFeed('atom', channel, []).body);
    assert.deepEqual(JSON.parse(renderFeed('json', channel, []).body).items, []);
  });

  it('refuse an invalid date instead of writing "Invalid Date"', () => {
    const bad = [{ ...articles[1], publishedAt: 'not a date' } as OutputArticle];
    assert.throws(() => renderFeed('rss', channel, bad), /publishedAt is not a valid date/);
  });
});
