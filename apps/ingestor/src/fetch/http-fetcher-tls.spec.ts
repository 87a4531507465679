import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent as HttpsAgent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { FetchError } from '#net';
import { fetchFeed } from './http-fetcher.js';
import type { Resolver } from '#net';
import { type LocalServer, startLocalServer } from '#net/testing';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './test-tls.js';

const FEED = Buffer.from('<rss version="2.0"><channel><title>TLS</title></channel></rss>');
const dns: Resolver = async (host) =>
  host === 'feed.test' || host === 'other.test' ? [{ address: '127.0.0.1', family: 4 }] : [];

let tls: Server;
let tlsPort: number;
let plain: LocalServer;
const agents = () => ({ https: new HttpsAgent({ ca: TEST_TLS_CERT }) });

before(async () => {
  tls = createServer({ cert: TEST_TLS_CERT, key: TEST_TLS_KEY }, (req, res) => {
    res.writeHead(200, {
      'content-type': 'application/rss+xml',
      'content-encoding': 'gzip',
      'x-sni': req.headers.host ?? '',
    });
    res.end(gzipSync(FEED));
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsPort = (tls.address() as AddressInfo).port;
  plain = await startLocalServer((_req, res) => {
    res.writeHead(301, { location: `https://feed.test:${tlsPort}/feed` });
    res.end();
  });
});
after(async () => {
  tls.closeAllConnections();
  await new Promise((resolve) => tls.close(resolve));
  await plain.close();
});

describe('fetchFeed over https with a pinned address', () => {
  it('verifies the certificate against the host name while connecting to the checked IP', async () => {
    const result = await fetchFeed(
      { url: `https://feed.test:${tlsPort}/feed` },
      { resolver: dns, allow: '127.0.0.0/8', agents: agents() },
    );
    assert.equal(result.status, 200);
    assert.deepEqual(result.body, FEED);
    assert.equal(result.remoteAddress, '127.0.0.1');
  });

  it('fails when the certificate does not name the host', async () => {
    await assert.rejects(
      fetchFeed(
        { url: `https://other.test:${tlsPort}/feed` },
        { resolver: dns, allow: '127.0.0.0/8', agents: agents() },
      ),
      (err: unknown) =>
        err instanceof FetchError &&
        err.kind === 'network' &&
        /altname|certificate/i.test(err.message),
    );
  });

  it('fails on an untrusted certificate', async () => {
    await assert.rejects(
      fetchFeed(
        { url: `https://feed.test:${tlsPort}/feed` },
        { resolver: dns, allow: '127.0.0.0/8' },
      ),
      (err: unknown) => err instanceof FetchError && err.kind === 'network',
    );
  });

  it('follows a redirect from http to https, each with its own agent', async () => {
    const result = await fetchFeed(
      { url: `${plain.origin}/feed` },
      { resolver: dns, allow: '127.0.0.0/8', agents: agents() },
    );
    assert.equal(result.finalUrl, `https://feed.test:${tlsPort}/feed`);
    assert.deepEqual(
      result.redirects.map((hop) => hop.status),
      [301],
    );
    assert.deepEqual(result.body, FEED);
  });

  it('refuses https to loopback with an empty allow-list', async () => {
    await assert.rejects(
      fetchFeed(
        { url: `https://feed.test:${tlsPort}/feed` },
        { resolver: dns, allow: '', agents: agents() },
      ),
      (err: unknown) => err instanceof FetchError && err.kind === 'ssrf_refused',
    );
  });
});
