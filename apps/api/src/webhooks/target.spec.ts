import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, signWebhook, SIGNATURE_HEADER } from './signing/index.js';
import { AddressGuard, refuseTarget, sendWebhook } from './target.js';

describe('webhook targets pass the SSRF guard', () => {
  const received: { body: string; signature?: string }[] = [];
  let server: http.Server;
  let url = '';

  before(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({
          body,
          signature: request.headers[SIGNATURE_HEADER.toLowerCase()] as string,
        });
        response.writeHead(request.url === '/gone' ? 410 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses loopback, private and metadata addresses with an empty allow-list', async () => {
    const guard = new AddressGuard('');
    for (const target of [
      `${url}/hook`,
      'http://localhost/hook',
      'http://169.254.169.254/',
      'http://[::1]/',
      'http://10.0.0.1/',
    ]) {
      assert.match(
        (await refuseTarget(target, guard)) ?? '',
        /refused|not globally routable/,
        target,
      );
    }
    assert.match((await refuseTarget('ftp://example.org/', guard)) ?? '', /scheme/);
    assert.match(
      (await refuseTarget('http://u:p@example.org/', guard, async () => [
        { address: '93.184.216.34', family: 4 },
      ])) ?? '',
      /credentials/,
    );
    const before = received.length;
    const result = await sendWebhook({
      url: `${url}/hook`,
      body: '{}',
      headers: {},
      guard,
      timeoutMs: 2000,
    });
    assert.equal(result.status, undefined);
    assert.match(result.error ?? '', /refused 127\.0\.0\.1/);
    assert.equal(received.length, before, 'nothing reached the server');
  });

  it('accepts a public address and allow-listed loopback', async () => {
    const publicDns = async () => [{ address: '93.184.216.34', family: 4 as const }];
    assert.equal(
      await refuseTarget('https://hooks.example.org/x', new AddressGuard(''), publicDns),
      undefined,
    );
    assert.equal(await refuseTarget(`${url}/hook`, new AddressGuard('127.0.0.0/8')), undefined);
  });

  it('delivers a signed body the receiver can verify, and reports the status', async () => {
    const guard = new AddressGuard('127.0.0.0/8');
    const body = JSON.stringify({ type: 'article.indexed', n: 1 });
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook('s3cret-s3cret-s3cret', body),
    };
    const result = await sendWebhook({ url: `${url}/hook`, body, headers, guard, timeoutMs: 2000 });
    assert.equal(result.status, 204);
    const last = received[received.length - 1]!;
    assert.equal(last.body, body);
    assert.equal(verifyWebhook('s3cret-s3cret-s3cret', last.signature, last.body).ok, true);
    assert.equal(verifyWebhook('another-secret-value', last.signature, last.body).ok, false);
    const gone = await sendWebhook({ url: `${url}/gone`, body, headers, guard, timeoutMs: 2000 });
    assert.equal(gone.status, 410);
  });
});
