import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { feedFixture } from '../parse/testing/fixture-paths.js';
import { discoverFeeds, type FetchedDocument } from './discover-feeds.js';

const RSS = readFileSync(feedFixture('rss-parser', 'test', 'input', 'heraldsun.rss'));
const ATOM = readFileSync(feedFixture('rss-parser', 'test', 'input', 'gulp-atom.atom'));
const HTML = Buffer.from(
  '<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>',
);

/** A fake site: path → document; anything else rejects, as a 404 would. */
function site(pages: Record<string, { body: Buffer; contentType?: string }>) {
  const asked: string[] = [];
  const fetch = async (url: string): Promise<FetchedDocument> => {
    asked.push(url);
    const found = pages[new URL(url).pathname];
    if (!found) throw new Error(`404 ${url}`);
    return { ...found, url };
  };
  return { fetch, asked };
}

describe('discoverFeeds', () => {
  it('reports the page itself when it is a feed', async () => {
    const report = await discoverFeeds({ body: ATOM, url: 'https://example.org/atom' });
    assert.equal(report.feeds.length, 1);
    assert.equal(report.feeds[0]!.source, 'self');
    assert.equal(report.feeds[0]!.format, 'atom');
    assert.equal(report.feeds[0]!.url, 'https://example.org/atom');
  });

  it('lists linked feeds without fetching anything unless asked to probe', async () => {
    const { fetch, asked } = site({});
    const report = await discoverFeeds({ body: HTML, url: 'https://example.org/' }, { fetch });
    assert.deepEqual(report.feeds, [
      {
        url: 'https://example.org/feed',
        type: 'application/rss+xml',
        format: 'rss',
        source: 'link',
      },
    ]);
    assert.deepEqual(asked, []);
  });

  it('probes the fallbacks, keeps only those that parse, and skips linked ones', async () => {
    const { fetch, asked } = site({
      '/rss': { body: Buffer.from('<html><body>Not here</body></html>'), contentType: 'text/html' },
      '/atom.xml': { body: ATOM, contentType: 'application/atom+xml; charset=utf-8' },
      '/index.xml': { body: RSS },
    });
    const report = await discoverFeeds(
      { body: HTML, url: 'https://example.org/blog/' },
      { probe: true, fetch },
    );
    assert.deepEqual(
      report.feeds.map((feed) => [feed.url, feed.source, feed.format, feed.type]),
      [
        ['https://example.org/feed', 'link', 'rss', 'application/rss+xml'],
        ['https://example.org/atom.xml', 'probe', 'atom', 'application/atom+xml'],
        ['https://example.org/index.xml', 'probe', 'rss', 'application/rss+xml'],
      ],
    );
    assert.ok(!asked.includes('https://example.org/feed'), 'a linked feed is not probed again');
    assert.equal(asked.length, 4);
  });

  it('refuses to probe without a fetcher', async () => {
    await assert.rejects(
      discoverFeeds({ body: HTML, url: 'https://example.org/' }, { probe: true }),
      /needs a fetcher/,
    );
  });
});
