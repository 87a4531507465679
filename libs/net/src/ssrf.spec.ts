import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { LookupAddress } from 'node:dns';
import { AddressGuard } from './address-guard.js';
import { FetchError } from './errors.js';
import {
  type ResolvedAddress,
  type Resolver,
  checkLiteralHost,
  createGuardedLookup,
  hostOf,
  parseFeedUrl,
  resolveChecked,
} from './ssrf.js';
import { type LocalServer, startLocalServer } from './testing/local-server.js';

const LOOPBACK_ALLOWED = new AddressGuard('127.0.0.0/8,::1/128');
const NOTHING_ALLOWED = new AddressGuard('');

/** A fake DNS: a fixed answer per name, counting the questions asked. */
function stubResolver(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const answers = table[hostname];
    if (!answers) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolver, { calls });
}

async function rejectsWithKind(promise: Promise<unknown>, kind: string): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected FetchError, got ${String(err)}`);
    assert.equal(err.kind, kind, err.message);
    return err;
  }
  assert.fail(`expected a ${kind} FetchError`);
}

describe('parseFeedUrl', () => {
  const normalised: ReadonlyArray<readonly [raw: string, host: string]> = [
    ['http://0x7f000001/feed', '127.0.0.1'],
    ['http://2130706433/feed', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[0:0:0:0:0:0:0:1]/', '::1'],
    ['HTTPS://Example.COM./rss', 'example.com'],
    ['  https://example.com/feed  ', 'example.com'],
  ];
  for (const [raw, host] of normalised) {
    it(`${raw} has host ${host}`, () => assert.equal(hostOf(parseFeedUrl(raw)), host));
  }

  const bad = [
    'ftp://example.com/feed',
    'file:///etc/passwd',
    'gopher://127.0.0.1:70/',
    'javascript:alert(1)',
    'data:text/xml,<rss/>',
    'not a url',
    'http://',
    'http://[::1/',
  ];
  for (const raw of bad) {
    it(`refuses ${raw}`, () => {
      assert.throws(
        () => parseFeedUrl(raw),
        (err: unknown) => err instanceof FetchError && err.kind === 'bad_url',
      );
    });
  }

  it('resolves a relative redirect against its base', () => {
    assert.equal(
      parseFeedUrl('/b?x=1', 'https://example.com/a/').href,
      'https://example.com/b?x=1',
    );
  });
});

describe('checkLiteralHost', () => {
  it('returns undefined for names (they go through lookup)', () => {
    assert.equal(checkLiteralHost('example.com', NOTHING_ALLOWED), undefined);
  });
  for (const literal of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:7f00:1', '10.0.0.1', '0.0.0.0']) {
    it(`refuses literal ${literal} with an empty allow-list`, () => {
      assert.throws(
        () => checkLiteralHost(literal, NOTHING_ALLOWED),
        (err: unknown) => err instanceof FetchError && err.kind === 'ssrf_refused',
      );
    });
  }
  it('lets an allow-listed literal through', () => {
    assert.deepEqual(checkLiteralHost('127.0.0.1', LOOPBACK_ALLOWED), {
      address: '127.0.0.1',
      family: 4,
    });
  });
});

describe('resolveChecked (stubbed DNS)', () => {
  const evilAnswers = [
    '10.0.0.1',
    '169.254.169.254',
    '192.168.1.1',
    'fd00::1',
    '64:ff9b::a00:1',
    '::ffff:10.0.0.1',
    '2002:c0a8:101::1',
    '100.64.0.1',
    '0.0.0.0',
  ];
  for (const answer of evilAnswers) {
    it(`refuses evil.test -> ${answer}`, async () => {
      const dns = stubResolver({ 'evil.test': [answer] });
      const err = await rejectsWithKind(
        resolveChecked('evil.test', LOOPBACK_ALLOWED, dns),
        'ssrf_refused',
      );
      assert.match(err.message, /evil\.test/);
      assert.deepEqual(dns.calls, ['evil.test']);
    });
  }

  it('refuses the whole host when one of several answers is forbidden', async () => {
    const dns = stubResolver({ 'mixed.test': ['93.184.216.34', '10.0.0.1'] });
    await rejectsWithKind(resolveChecked('mixed.test', NOTHING_ALLOWED, dns), 'ssrf_refused');
  });

  it('returns every answer when all are public', async () => {
    const dns = stubResolver({
      'ok.test': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    });
    const answers = await resolveChecked('ok.test', NOTHING_ALLOWED, dns);
    assert.deepEqual(
      answers.map((a) => a.address),
      ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    );
  });

  it('reports DNS failures as network errors', async () => {
    await rejectsWithKind(
      resolveChecked('missing.test', NOTHING_ALLOWED, stubResolver({})),
      'network',
    );
    await rejectsWithKind(
      resolveChecked('empty.test', NOTHING_ALLOWED, stubResolver({ 'empty.test': [] })),
      'network',
    );
  });
});

function callLookup(
  lookup: ReturnType<typeof createGuardedLookup>,
  hostname: string,
  options: { all?: boolean; family?: number },
): Promise<{
  err: NodeJS.ErrnoException | null;
  address: string | LookupAddress[];
  family?: number;
}> {
  return new Promise((resolve) =>
    lookup(hostname, options, (err, address, family) => resolve({ err, address, family })),
  );
}

describe('createGuardedLookup', () => {
  const dns = stubResolver({
    'dual.test': ['127.0.0.1', '::1'],
    'evil.test': ['127.0.0.1', '10.0.0.1'],
  });
  const lookup = createGuardedLookup({ guard: LOOPBACK_ALLOWED, resolver: dns });

  it('answers the all:true form with every checked address', async () => {
    const { err, address } = await callLookup(lookup, 'dual.test', { all: true });
    assert.equal(err, null);
    assert.deepEqual(address, [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
  });

  it('answers the single-address form, honouring the family asked for', async () => {
    assert.deepEqual(await callLookup(lookup, 'dual.test', { family: 6 }), {
      err: null,
      address: '::1',
      family: 6,
    });
    assert.deepEqual(await callLookup(lookup, 'dual.test', {}), {
      err: null,
      address: '127.0.0.1',
      family: 4,
    });
  });

  it('passes the refusal to the callback', async () => {
    const { err } = await callLookup(lookup, 'evil.test', { all: true });
    assert.ok(err instanceof FetchError);
    assert.equal(err.kind, 'ssrf_refused');
  });
});

describe('guarded lookup inside http.request', () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((req, res) => res.end(`host=${req.headers.host}`));
  });
  after(() => server.close());

  function get(hostname: string, resolver: Resolver, guard = LOOPBACK_ALLOWED) {
    const pinned: string[] = [];
    const lookup = createGuardedLookup({
      guard,
      resolver,
      onResolved: (_host, addresses) => pinned.push(...addresses.map((a) => a.address)),
    });
    return new Promise<{ body: string; remote?: string; pinned: string[] }>((resolve, reject) => {
      const req = request(
        { hostname, port: server.port, path: '/', lookup, agent: false },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ body, remote: req.socket?.remoteAddress, pinned }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('connects to the checked address with the original Host header', async () => {
    const result = await get('feed.test', stubResolver({ 'feed.test': ['127.0.0.1'] }));
    assert.equal(result.body, `host=feed.test:${server.port}`);
    assert.equal(result.remote, '127.0.0.1');
    assert.deepEqual(result.pinned, ['127.0.0.1']);
  });

  it('resolves once per request, so a rebinding DNS cannot swap the address', async () => {
    let calls = 0;
    const rebinding: Resolver = async () => {
      calls += 1;
      return [{ address: calls === 1 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
    };
    const result = await get('rebind.test', rebinding);
    assert.equal(calls, 1);
    assert.equal(result.remote, '127.0.0.1');
  });

  for (const evil of ['10.0.0.1', '169.254.169.254', '192.168.1.1', 'fd00::1', '64:ff9b::a00:1']) {
    it(`refuses evil.test -> ${evil} before any connection`, async () => {
      const before = server.connections;
      const dns = stubResolver({ 'evil.test': ['127.0.0.1', evil] });
      await rejectsWithKind(get('evil.test', dns), 'ssrf_refused');
      assert.equal(server.connections, before, 'no connection may be opened');
    });
  }

  it('refuses a loopback answer when the allow-list is empty, without connecting', async () => {
    const before = server.connections;
    await rejectsWithKind(
      get('local.test', stubResolver({ 'local.test': ['127.0.0.1'] }), NOTHING_ALLOWED),
      'ssrf_refused',
    );
    assert.equal(server.connections, before);
  });
});
