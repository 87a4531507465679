import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { FetchError } from '#net';
import {
  DEFAULT_USER_AGENT,
  type FetchOptions,
  type FetchRequest,
  fetchFeed,
} from './http-fetcher.js';
import type { Resolver } from '#net';
import { type LocalServer, startLocalServer } from '#net/testing';

const FEED = Buffer.from(
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>' +
    '<item><title>One</title></item>'.repeat(200) +
    '</channel></rss>',
);
const ETAG = '"v1"';
const LAST_MODIFIED = 'Tue, 01 Jul 2025 10:00:00 GMT';
const MiB = 1024 * 1024;

/** A gzip bomb built cheaply: gzip members concatenate, so one 8 MiB-of-zeros member repeated. */
const GZIP_MEMBER = gzipSync(Buffer.alloc(8 * MiB), { level: 9 });
const GZIP_BOMB_MEMBERS = 4096; // 32 GiB decoded from about 32 MiB
const BROTLI_BOMB = brotliCompressSync(Buffer.alloc(256 * MiB), {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
});

interface Stats {
  bombFinished: boolean;
  bombWritten: number;
}
const stats: Stats = { bombFinished: false, bombWritten: 0 };

function sendEncoded(res: ServerResponse, encoding: string, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding });
  res.end(body);
}

/** Writes the gzip bomb member by member, respecting backpressure, noting how far it got. */
function streamBomb(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
  stats.bombFinished = false;
  stats.bombWritten = 0;
  let sent = 0;
  const pump = () => {
    while (sent < GZIP_BOMB_MEMBERS) {
      sent += 1;
      stats.bombWritten += GZIP_MEMBER.length;
      if (!res.write(GZIP_MEMBER)) return void res.once('drain', pump);
    }
    stats.bombFinished = true;
    res.end();
  };
  res.on('close', () => undefined);
  pump();
}

function endless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

function drip(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const timer = setInterval(() => res.write('<'), 50);
  res.on('close', () => clearInterval(timer));
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain) {
    const left = Number(chain[1]);
    return left === 0 ? void res.end(FEED) : redirect(res, 301, `/chain/${left - 1}`);
  }
  switch (path) {
    case '/feed':
      if (
        req.headers['if-none-match'] === ETAG ||
        req.headers['if-modified-since'] === LAST_MODIFIED
      ) {
        res.writeHead(304, { etag: ETAG, 'cache-control': 'max-age=600' });
        return void res.end();
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: ETAG,
        'last-modified': LAST_MODIFIED,
        'cache-control': 'public, max-age=600',
        expires: 'Tue, 01 Jul 2025 11:00:00 GMT',
      });
      return void res.end(FEED);
    case '/echo':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(req.headers));
    case '/429':
      res.writeHead(429, { 'retry-after': '120' });
      return void res.end('slow down');
    case '/503':
      res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2037 07:28:00 GMT' });
      return void res.end();
    case '/404':
    case '/410':
      res.writeHead(Number(path.slice(1)));
      return void res.end();
    case '/moved':
      return redirect(res, 301, '/moved-again');
    case '/moved-again':
      return redirect(res, 308, '/feed');
    case '/temporary':
      return redirect(res, 302, '/feed');
    case '/mixed':
      return redirect(res, 307, '/moved');
    case '/loop-a':
      return redirect(res, 301, '/loop-b');
    case '/loop-b':
      return redirect(res, 302, '/loop-a#frag');
    case '/self':
      return redirect(res, 301, '/self');
    case '/no-location':
      res.writeHead(302);
      return void res.end();
    case '/to-file':
      return redirect(res, 302, 'file:///etc/passwd');
    case '/to-other-loopback':
      return redirect(res, 302, `http://127.0.0.2:${server.port}/feed`);
    case '/to-hex-loopback':
      return redirect(res, 301, `http://0x7f000001:${server.port}/feed`);
    case '/to-evil':
      return redirect(res, 302, `http://evil.test:${server.port}/feed`);
    case '/gzip':
      return sendEncoded(res, 'gzip', gzipSync(FEED));
    case '/x-gzip':
      return sendEncoded(res, 'x-gzip', gzipSync(FEED));
    case '/deflate':
      return sendEncoded(res, 'deflate', deflateSync(FEED));
    case '/deflate-raw':
      return sendEncoded(res, 'deflate', deflateRawSync(FEED));
    case '/br':
      return sendEncoded(res, 'br', brotliCompressSync(FEED));
    case '/gzip-br':
      return sendEncoded(res, 'gzip, br', brotliCompressSync(gzipSync(FEED)));
    case '/empty-gzip':
      return sendEncoded(res, 'gzip', Buffer.alloc(0));
    case '/corrupt-gzip':
      return sendEncoded(res, 'gzip', Buffer.from('this is not gzip at all, just text'));
    case '/zstd':
      return sendEncoded(res, 'zstd', FEED);
    case '/gzip-bomb':
      return streamBomb(res);
    case '/brotli-bomb':
      return sendEncoded(res, 'br', BROTLI_BOMB);
    case '/endless':
      return endless(res);
    case '/declared-huge':
      res.writeHead(200, { 'content-length': String(5 * 1024 * MiB) });
      return void res.write('<rss>');
    case '/drip':
      return drip(res);
    case '/hang':
      return; // never answers
    default:
      res.writeHead(404);
      res.end();
  }
}

let server: LocalServer;
const LOOPBACK = '127.0.0.0/8,::1/128';
const url = (path: string) => `${server.origin}${path}`;
const get = (path: string, options: FetchOptions = {}, extra: Omit<FetchRequest, 'url'> = {}) =>
  fetchFeed({ url: url(path), ...extra }, { allow: LOOPBACK, ...options });

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the fetch to fail');
}

before(async () => {
  server = await startLocalServer(route);
});
after(() => server.close());

describe('fetchFeed: basics and conditional GET', () => {
  it('fetches a feed with its caching headers and timings', async () => {
    const result = await get('/feed');
    assert.equal(result.status, 200);
    assert.equal(result.notModified, false);
    assert.deepEqual(result.body, FEED);
    assert.equal(result.bytes, FEED.length);
    assert.equal(result.headers.etag, ETAG);
    assert.equal(result.headers.lastModified, LAST_MODIFIED);
    assert.equal(result.headers.cacheControl, 'public, max-age=600');
    assert.equal(result.headers.expires, 'Tue, 01 Jul 2025 11:00:00 GMT');
    assert.match(result.headers.contentType ?? '', /rss\+xml/);
    assert.equal(result.finalUrl, url('/feed'));
    assert.deepEqual(result.redirects, []);
    assert.equal(result.remoteAddress, '127.0.0.1');
    assert.ok(result.durationMs >= 0 && result.durationMs < 5000);
  });

  it('sends an honest User-Agent, Accept and Accept-Encoding', async () => {
    const sent = JSON.parse((await get('/echo')).body.toString()) as Record<string, string>;
    assert.equal(sent['user-agent'], DEFAULT_USER_AGENT);
    assert.equal(sent['user-agent'], 'newsfeed/0.1 (+https://github.com/newsfeed)');
    assert.equal(sent['accept-encoding'], 'gzip, deflate, br');
    assert.match(sent.accept ?? '', /application\/rss\+xml/);
    assert.equal(sent['if-none-match'], undefined);
    const custom = JSON.parse(
      (await get('/echo', { userAgent: 'test-agent/1' })).body.toString(),
    ) as Record<string, string>;
    assert.equal(custom['user-agent'], 'test-agent/1');
  });

  it('sends If-None-Match / If-Modified-Since', async () => {
    const sent = JSON.parse(
      (await get('/echo', {}, { etag: ETAG, lastModified: LAST_MODIFIED })).body.toString(),
    ) as Record<string, string>;
    assert.equal(sent['if-none-match'], ETAG);
    assert.equal(sent['if-modified-since'], LAST_MODIFIED);
  });

  for (const validators of [{ etag: ETAG }, { lastModified: LAST_MODIFIED }]) {
    it(`returns notModified on 304 (${Object.keys(validators).join()})`, async () => {
      const result = await get('/feed', {}, validators);
      assert.equal(result.status, 304);
      assert.equal(result.notModified, true);
      assert.equal(result.bytes, 0);
      assert.equal(result.body.length, 0);
      assert.equal(result.headers.etag, ETAG);
      assert.equal(result.headers.cacheControl, 'max-age=600');
    });
  }

  it('fetches the full feed when the stored validator is stale', async () => {
    const result = await get('/feed', {}, { etag: '"old"' });
    assert.equal(result.status, 200);
    assert.deepEqual(result.body, FEED);
  });
});

describe('fetchFeed: error statuses', () => {
  it('429 carries Retry-After seconds', async () => {
    const err = await failure(get('/429'));
    assert.equal(err.kind, 'http_status');
    assert.equal(err.status, 429);
    assert.equal(err.headers?.retryAfter, '120');
  });

  it('503 carries a Retry-After HTTP date', async () => {
    const err = await failure(get('/503'));
    assert.equal(err.status, 503);
    assert.equal(err.headers?.retryAfter, 'Wed, 21 Oct 2037 07:28:00 GMT');
  });

  for (const status of [404, 410]) {
    it(`${status} is an http_status error`, async () => {
      const err = await failure(get(`/${status}`));
      assert.equal(err.kind, 'http_status');
      assert.equal(err.status, status);
      assert.equal(err.url, url(`/${status}`));
    });
  }
});

describe('fetchFeed: redirects', () => {
  it('follows 301 then 308 and reports each hop with its status', async () => {
    const result = await get('/moved');
    assert.equal(result.status, 200);
    assert.equal(result.finalUrl, url('/feed'));
    assert.deepEqual(result.redirects, [
      { from: url('/moved'), to: url('/moved-again'), status: 301 },
      { from: url('/moved-again'), to: url('/feed'), status: 308 },
    ]);
  });

  it('reports a temporary redirect as such', async () => {
    const result = await get('/temporary');
    assert.deepEqual(
      result.redirects.map((hop) => hop.status),
      [302],
    );
    assert.equal(result.finalUrl, url('/feed'));
  });

  it('reports a chain mixing temporary and permanent hops', async () => {
    const result = await get('/mixed');
    assert.deepEqual(
      result.redirects.map((hop) => hop.status),
      [307, 301, 308],
    );
  });

  it('keeps the conditional headers across redirects', async () => {
    const result = await get('/moved', {}, { etag: ETAG });
    assert.equal(result.notModified, true);
    assert.equal(result.redirects.length, 2);
  });

  it('follows up to maxRedirects hops', async () => {
    const result = await get('/chain/5', { maxRedirects: 5 });
    assert.equal(result.redirects.length, 5);
    assert.equal(result.finalUrl, url('/chain/0'));
  });

  it('fails past maxRedirects', async () => {
    const err = await failure(get('/chain/6', { maxRedirects: 5 }));
    assert.equal(err.kind, 'too_many_redirects');
    assert.equal(err.redirects.length, 6);
  });

  it('detects a loop between two URLs (fragments ignored)', async () => {
    const err = await failure(get('/loop-a'));
    assert.equal(err.kind, 'redirect_loop');
    assert.deepEqual(
      err.redirects.map((hop) => hop.status),
      [301, 302],
    );
  });

  it('detects a self redirect', async () => {
    assert.equal((await failure(get('/self'))).kind, 'redirect_loop');
  });

  it('fails a redirect without Location', async () => {
    const err = await failure(get('/no-location'));
    assert.equal(err.kind, 'http_status');
    assert.equal(err.status, 302);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    assert.equal((await failure(get('/to-file'))).kind, 'bad_url');
  });

  it('re-checks every hop with the SSRF guard', async () => {
    const before = server.requests.length;
    const err = await failure(get('/to-other-loopback', { allow: '127.0.0.1/32' }));
    assert.equal(err.kind, 'ssrf_refused');
    assert.equal(err.redirects.length, 1);
    assert.equal(server.requests.length, before + 1, 'only the first hop may reach a server');
  });

  it('re-checks a redirect whose name resolves to a private address', async () => {
    const dns: Resolver = async (host) =>
      host === 'evil.test' ? [{ address: '10.0.0.1', family: 4 }] : [];
    const err = await failure(get('/to-evil', { resolver: dns }));
    assert.equal(err.kind, 'ssrf_refused');
    assert.match(err.message, /evil\.test/);
  });

  it('normalises an odd host spelling in a redirect before checking it', async () => {
    const result = await get('/to-hex-loopback', { allow: '127.0.0.1/32' });
    assert.equal(result.finalUrl, url('/feed'));
  });
});

describe('fetchFeed: compression', () => {
  for (const path of ['/gzip', '/x-gzip', '/deflate', '/deflate-raw', '/br', '/gzip-br']) {
    it(`decodes ${path}`, async () => {
      const result = await get(path);
      assert.deepEqual(result.body, FEED);
      assert.equal(result.bytes, FEED.length);
      assert.ok(result.wireBytes < FEED.length, 'the wire carried the compressed form');
    });
  }

  it('treats an empty gzip body as empty', async () => {
    const result = await get('/empty-gzip');
    assert.equal(result.bytes, 0);
  });

  it('fails a corrupt gzip body with a decode error', async () => {
    assert.equal((await failure(get('/corrupt-gzip'))).kind, 'decode');
  });

  it('fails an encoding it never asked for', async () => {
    assert.equal((await failure(get('/zstd'))).kind, 'decode');
  });
});

describe('fetchFeed: limits', () => {
  it('stops a gzip bomb at the decoded size cap with bounded memory', async () => {
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const err = await failure(get('/gzip-bomb', { maxBytes: 2 * MiB }));
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    assert.equal(err.kind, 'too_large');
    assert.match(err.message, /decoded/);
    assert.ok(
      heapAfter - heapBefore < 128 * MiB,
      `memory grew by ${(heapAfter - heapBefore) / MiB} MiB`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(stats.bombFinished, false, 'the client hung up before the bomb was fully sent');
    assert.ok(stats.bombWritten < GZIP_MEMBER.length * GZIP_BOMB_MEMBERS);
  });

  it('stops a brotli bomb at the decoded size cap', async () => {
    const err = await failure(get('/brotli-bomb', { maxBytes: 1 * MiB }));
    assert.equal(err.kind, 'too_large');
  });

  it('stops an endless body at the size cap', async () => {
    const started = Date.now();
    const err = await failure(get('/endless', { maxBytes: 3 * MiB, totalTimeoutMs: 10_000 }));
    assert.equal(err.kind, 'too_large');
    assert.ok(Date.now() - started < 5000);
  });

  it('refuses a declared oversize body without reading it', async () => {
    const err = await failure(get('/declared-huge', { maxBytes: MiB }));
    assert.equal(err.kind, 'too_large');
    assert.match(err.message, /Content-Length/);
  });

  it('ends a slow-drip body with a total timeout', async () => {
    const started = Date.now();
    const err = await failure(get('/drip', { totalTimeoutMs: 400 }));
    assert.equal(err.kind, 'timeout');
    assert.equal(err.phase, 'total');
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 380 && elapsed < 3000, `took ${elapsed} ms`);
  });

  it('ends a server that never answers with a total timeout', async () => {
    const err = await failure(get('/hang', { totalTimeoutMs: 300 }));
    assert.equal(err.kind, 'timeout');
    assert.equal(err.phase, 'total');
  });

  it('ends a connect phase that never completes with a connect timeout', async () => {
    const never: Resolver = () => new Promise(() => undefined);
    const err = await failure(
      fetchFeed(
        { url: 'http://stuck.test/feed' },
        { resolver: never, connectTimeoutMs: 200, totalTimeoutMs: 5000 },
      ),
    );
    assert.equal(err.kind, 'timeout');
    assert.equal(err.phase, 'connect');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await failure(get('/hang', { signal: controller.signal, totalTimeoutMs: 5000 }));
    assert.equal(err.kind, 'aborted');
  });
});

describe('fetchFeed: SSRF on live loopback variants with an EMPTY allow-list', () => {
  const variants = [
    (port: number) => `http://127.0.0.1:${port}/feed`,
    (port: number) => `http://127.0.0.2:${port}/feed`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/feed`,
    (port: number) => `http://0x7f000001:${port}/feed`,
    (port: number) => `http://2130706433:${port}/feed`,
    (port: number) => `http://127.1:${port}/feed`,
    (port: number) => `http://0177.0.0.1:${port}/feed`,
    (port: number) => `http://[::1]:${port}/feed`,
  ];
  for (const variant of variants) {
    it(`refuses ${variant(0).replace(':0/', '/')}`, async () => {
      const before = server.connections;
      const err = await failure(fetchFeed({ url: variant(server.port) }, { allow: '' }));
      assert.equal(err.kind, 'ssrf_refused');
      assert.equal(server.connections, before, 'nothing may connect');
    });
  }

  it('refuses a name resolving to loopback (system resolver, localhost)', async () => {
    const before = server.connections;
    const err = await failure(
      fetchFeed({ url: `http://localhost:${server.port}/feed` }, { allow: [] }),
    );
    assert.equal(err.kind, 'ssrf_refused');
    assert.equal(server.connections, before);
  });

  for (const raw of ['ftp://127.0.0.1/feed', 'file:///etc/passwd', 'not a url']) {
    it(`refuses ${raw} as bad_url`, async () => {
      assert.equal((await failure(fetchFeed({ url: raw }))).kind, 'bad_url');
    });
  }
});
