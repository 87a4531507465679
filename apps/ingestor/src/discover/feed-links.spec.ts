import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { feedFixture } from '../parse/testing/fixture-paths.js';
import { discoverFeedLinks } from './feed-links.js';
import { fallbackFeedUrls } from './fallbacks.js';

function page(name: string): string {
  return readFileSync(feedFixture('discover', name), 'utf8');
}

describe('discoverFeedLinks', () => {
  it('finds a WordPress blog’s post and comment feeds, not its oEmbed or RSD links', () => {
    const feeds = discoverFeedLinks(page('wordpress.html'), 'https://blog.example.org/');
    assert.deepEqual(feeds, [
      {
        url: 'https://blog.example.org/feed/',
        type: 'application/rss+xml',
        format: 'rss',
        title: 'Example Blog » Feed',
      },
      {
        url: 'https://blog.example.org/comments/feed/',
        type: 'application/rss+xml',
        format: 'rss',
        title: 'Example Blog » Comments Feed',
      },
    ]);
  });

  it('resolves relative hrefs against <base>, itself resolved against the page URL', () => {
    const feeds = discoverFeedLinks(
      page('relative-base.html'),
      'https://example.com/section/page.html',
    );
    assert.deepEqual(
      feeds.map((feed) => [feed.url, feed.format, feed.title]),
      [
        ['https://example.com/news/atom.xml', 'atom', 'News (Atom)'],
        ['https://example.com/rss.php?section=world&lang=en', 'rss', undefined],
        ['https://cdn.example.com/news/feed.json', 'json', 'News (JSON Feed)'],
        ['https://example.com/news/atom.xml?', 'rss', undefined],
      ],
    );
    assert.equal(feeds[0]!.type, 'application/atom+xml', 'type parameters and case dropped');
  });

  it('resolves against the page URL when there is no <base>', () => {
    const html = '<link rel="alternate" type="application/rss+xml" href="feed.xml">';
    assert.deepEqual(
      discoverFeedLinks(html, 'https://example.org/blog/post').map((feed) => feed.url),
      ['https://example.org/blog/feed.xml'],
    );
  });

  it('keeps relative hrefs as written when no URL is known', () => {
    const feeds = discoverFeedLinks(page('relative-base.html'));
    assert.deepEqual(
      feeds.map((feed) => feed.url),
      [
        'atom.xml',
        '../rss.php?section=world&lang=en',
        '//cdn.example.com/news/feed.json',
        'atom.xml?',
      ],
    );
  });

  it('drops script, data, ftp and empty hrefs, commented-out and scripted links', () => {
    const feeds = discoverFeedLinks(page('hostile.html'), 'https://example.org/');
    assert.deepEqual(
      feeds.map((feed) => [feed.url, feed.format]),
      [
        ['https://example.org/index.rdf', 'rss'],
        ['https://example.org/feed.json', 'json'],
        ['https://example.org/in-body.xml', 'rss'],
      ],
    );
  });

  it('finds nothing on a page without feed links', () => {
    assert.deepEqual(discoverFeedLinks(page('no-feeds.html'), 'https://example.org/page'), []);
  });
});

describe('fallbackFeedUrls', () => {
  it('lists the common locations at the site root', () => {
    assert.deepEqual(fallbackFeedUrls('https://example.org/blog/post?x=1#top'), [
      'https://example.org/feed',
      'https://example.org/rss',
      'https://example.org/atom.xml',
      'https://example.org/feed.xml',
      'https://example.org/index.xml',
    ]);
  });

  it('has none for a URL that is not http(s)', () => {
    assert.deepEqual(fallbackFeedUrls('file:///tmp/page.html'), []);
    assert.deepEqual(fallbackFeedUrls('not a url'), []);
  });
});
