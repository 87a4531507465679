import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startLocalServer, type LocalServer } from '#net/testing';
import { feedFixture } from '../parse/testing/fixture-paths.js';
import { parseFeedArgs, UsageError } from './feed-args.js';
import { AddressGuard } from '#net';
import { PRIVATE_CIDRS, runFeedCommand, type FeedPreview } from './feed-commands.js';

const RSS_FILE = feedFixture('rss-parser', 'test', 'input', 'content-encoded.rss');
const HTML_FILE = feedFixture('discover', 'wordpress.html');
const ATOM = readFileSync(feedFixture('rss-parser', 'test', 'input', 'gulp-atom.atom'));
const LOCAL_ONLY = { FETCH_ALLOW_CIDRS: '127.0.0.1/32' };

let server: LocalServer;

before(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url === '/feed.atom' || req.url === '/atom.xml') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM);
    } else if (req.url === '/') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<link rel="alternate" type="application/atom+xml" href="feed.atom" title="Site">');
    } else if (req.url === '/rss') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><p>not a feed</p></html>');
    } else res.writeHead(404).end();
  });
});

after(() => server.close());

function json<T>(stdout: string | undefined): T {
  assert.ok(stdout, 'printed JSON');
  return JSON.parse(stdout) as T;
}

describe('npm run feed -- parse', () => {
  it('prints a feed file as normalised JSON with sanitised HTML and plain text', async () => {
    const result = await runFeedCommand(['parse', RSS_FILE]);
    assert.equal(result.exitCode, 0, result.stderr);
    const preview = json<FeedPreview>(result.stdout);
    assert.equal(preview.feed.format, 'rss');
    assert.ok(preview.entries.length > 0);
    const entry = preview.entries[0]!;
    assert.ok(entry.content, 'raw content:encoded kept');
    assert.ok(entry.sanitized.text.length > 0, 'plain text present');
    assert.doesNotMatch(entry.sanitized.text, /<[a-z]/i);
    assert.match(entry.sanitized.contentHtml ?? '', /</);
  });

  it('fetches a URL on 127.0.0.1 when FETCH_ALLOW_CIDRS permits it', async () => {
    const result = await runFeedCommand(['parse', `${server.origin}/feed.atom`], LOCAL_ONLY);
    assert.equal(result.exitCode, 0, result.stderr);
    const preview = json<FeedPreview>(result.stdout);
    assert.equal(preview.feed.format, 'atom');
    assert.equal(preview.entries.length, 10);
  });

  it('fetches a local URL with --allow-private', async () => {
    const result = await runFeedCommand(['parse', `${server.origin}/feed.atom`, '--allow-private']);
    assert.equal(result.exitCode, 0, result.stderr);
  });

  it('refuses a local URL without permission (SSRF guard on) and says how to allow it', async () => {
    const before = server.connections;
    const result = await runFeedCommand(['parse', `${server.origin}/feed.atom`]);
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr ?? '', /ssrf_refused.*--allow-private/);
    assert.equal(server.connections, before, 'no connection was made');
  });

  it('exits 1 with "not a feed" for an HTML page', async () => {
    const fromFile = await runFeedCommand(['parse', HTML_FILE]);
    assert.equal(fromFile.exitCode, 1);
    assert.match(fromFile.stderr ?? '', /^not a feed: .*wordpress\.html/);
    assert.equal(fromFile.stdout, undefined);
    const fromUrl = await runFeedCommand(['parse', `${server.origin}/rss`], LOCAL_ONLY);
    assert.equal(fromUrl.exitCode, 1);
    assert.match(fromUrl.stderr ?? '', /^not a feed/);
  });

  it('exits 1 for a missing file or an HTTP error', async () => {
    const missing = await runFeedCommand(['parse', '/nonexistent/feed.xml']);
    assert.deepEqual(
      [missing.exitCode, missing.stderr],
      [1, 'no such file: /nonexistent/feed.xml'],
    );
    const gone = await runFeedCommand(['parse', `${server.origin}/gone`], LOCAL_ONLY);
    assert.equal(gone.exitCode, 1);
    assert.match(gone.stderr ?? '', /fetch failed \(http_status\)/);
  });

  it('exits 2 with usage for bad arguments', async () => {
    for (const argv of [
      [],
      ['parse'],
      ['fetch', 'x'],
      ['parse', 'a', 'b'],
      ['parse', 'a', '--nope'],
    ]) {
      const result = await runFeedCommand(argv);
      assert.equal(result.exitCode, 2, argv.join(' '));
      assert.match(result.stderr ?? '', /usage: npm run feed/);
    }
  });
});

describe('npm run feed -- discover', () => {
  it('finds the feeds a local page links to, resolved against the page URL', async () => {
    const result = await runFeedCommand(['discover', `${server.origin}/`], LOCAL_ONLY);
    assert.equal(result.exitCode, 0, result.stderr);
    const report = json<{ feeds: Array<{ url: string; source: string; title?: string }> }>(
      result.stdout,
    );
    assert.deepEqual(
      report.feeds.map((feed) => [feed.url, feed.source, feed.title]),
      [[`${server.origin}/feed.atom`, 'link', 'Site']],
    );
  });

  it('with --probe, adds the fallbacks that parse and ignores those that do not', async () => {
    const result = await runFeedCommand(['discover', `${server.origin}/`, '--probe'], LOCAL_ONLY);
    assert.equal(result.exitCode, 0, result.stderr);
    const report = json<{ feeds: Array<{ url: string; source: string }> }>(result.stdout);
    assert.deepEqual(
      report.feeds.map((feed) => [feed.url, feed.source]),
      [
        [`${server.origin}/feed.atom`, 'link'],
        [`${server.origin}/atom.xml`, 'probe'],
      ],
    );
  });

  it('reads a page file, resolving links with --base-url; exits 1 when none are found', async () => {
    const found = await runFeedCommand([
      'discover',
      feedFixture('discover', 'relative-base.html'),
      '--base-url',
      'https://example.com/section/',
    ]);
    assert.equal(found.exitCode, 0);
    assert.match(found.stdout ?? '', /https:\/\/example\.com\/news\/atom\.xml/);
    const none = await runFeedCommand(['discover', feedFixture('discover', 'no-feeds.html')]);
    assert.equal(none.exitCode, 1);
    assert.match(none.stderr ?? '', /no feeds found/);
  });

  it('needs a URL to probe from', async () => {
    const result = await runFeedCommand(['discover', HTML_FILE, '--probe']);
    assert.equal(result.exitCode, 2);
  });
});

describe('parseFeedArgs', () => {
  it('reads flags in any position', () => {
    assert.deepEqual(
      parseFeedArgs(['--probe', 'discover', 'https://x.example/', '--allow-private']),
      {
        command: 'discover',
        target: 'https://x.example/',
        allowPrivate: true,
        probe: true,
      },
    );
    assert.equal(
      parseFeedArgs(['parse', 'f.xml', '--base-url=https://x.example/']).baseUrl,
      'https://x.example/',
    );
  });

  it('rejects --probe for parse and a relative --base-url', () => {
    assert.throws(() => parseFeedArgs(['parse', 'f.xml', '--probe']), UsageError);
    assert.throws(() => parseFeedArgs(['parse', 'f.xml', '--base-url', '/x']), UsageError);
  });

  it('--allow-private covers loopback and private ranges but not link-local metadata', () => {
    const guard = new AddressGuard(PRIVATE_CIDRS);
    for (const address of ['127.0.0.1', '10.1.2.3', '192.168.0.10', '::1'])
      assert.equal(guard.check(address).allowed, true, address);
    for (const address of ['169.254.169.254', 'fe80::1'])
      assert.equal(guard.check(address).allowed, false, address);
  });
});
