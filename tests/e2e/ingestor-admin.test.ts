import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { FeedFarm } from '../support/replicas.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

interface Feed {
  id: string;
  url: string;
  title: string | null;
  status: string;
  health: string;
  nextFetchAt: string;
  lastOutcome: string | null;
  lastError: string | null;
}

/**
 * The feeds admin API and the fetch-time SSRF guard with an empty allow-list: loopback feeds
 * (127.0.0.2, 0x7f000001) are refused before any connection; OPML round-trips thousands of feeds.
 */
describe('ingestor admin API, OPML and SSRF refusal', () => {
  const farm = new FeedFarm();
  const stack = new Stack({
    services: ['api', 'ingestor'],
    env: { ingestor: { FETCH_ALLOW_CIDRS: '', HOST_MIN_DELAY_MS: '0', HOST_MAX_CONCURRENCY: '8' } },
  });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${stack.url('api')}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
  const create = async (url: string, extra: Record<string, unknown> = {}) => {
    const response = await api('/feeds', {
      method: 'POST',
      body: JSON.stringify({ url, ...extra }),
    });
    return {
      status: response.status,
      body: (await response.json()) as Feed & { message?: string[] },
    };
  };

  before(async () => {
    await farm.start();
    farm.routes.set('/secret.xml', () => ({ body: '<rss version="2.0"><channel/></rss>' }));
    await stack.start();
  });

  after(async () => {
    await stack.stop();
    await farm.stop();
  });

  it('refuses loopback feeds at fetch time when the allow-list is empty', async () => {
    const viaApi = await create(`http://127.0.0.2:${farm.port}/secret.xml`);
    assert.equal(viaApi.status, 201);
    const hex = await create(`http://0x7f000001:${farm.port}/secret.xml`);
    assert.equal(hex.status, 201);
    assert.equal(hex.body.url, `http://127.0.0.1:${farm.port}/secret.xml`, 'stored in normal form');
    const raw = randomUUID();
    await stack.query('INSERT INTO feeds (id, url) VALUES ($1, $2)', [
      raw,
      `http://0x7f000001:${farm.port}/raw.xml`,
    ]);
    for (const id of [viaApi.body.id, hex.body.id]) {
      const feed = await waitFor('the refusal', async () => {
        const current = (await (await api(`/feeds/${id}`)).json()) as Feed;
        return current.lastOutcome ? current : undefined;
      });
      assert.equal(feed.lastOutcome, 'refused', JSON.stringify(feed));
      assert.match(feed.lastError ?? '', /loopback|refused|not allowed/i);
    }
    await waitFor('the raw literal refused', async () => {
      const [row] = await stack.query<{ last_outcome: string | null }>(
        'SELECT last_outcome FROM feeds WHERE id = $1',
        [raw],
      );
      return row?.last_outcome === 'refused' ? true : undefined;
    });
    assert.equal(farm.requests.length, 0, 'no request reached the loopback server');
    await stack.query('DELETE FROM feeds WHERE id = $1', [raw]); // not in normal form: keep OPML counts exact
  });

  it('refuses non-http(s) URLs and bad input with clear 400s', async () => {
    for (const url of [
      'file:///etc/passwd',
      'gopher://example.org/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const { status, body } = await create(url);
      assert.equal(status, 400, url);
      assert.match(body.message!.join(' '), /^url: /);
    }
    assert.equal((await create('https://example.org/x', { colour: 'red' })).status, 400);
    assert.equal((await api('/feeds/not-a-uuid')).status, 400);
    assert.equal((await api('/feeds?limit=0')).status, 400);
    assert.equal((await api('/feeds?status=sleeping')).status, 400);
    assert.equal((await api('/feeds?cursor=garbage')).status, 400);
    assert.equal((await api(`/feeds/${randomUUID()}`)).status, 404);
  });

  it('creates idempotently, updates, pauses, resumes, forces a fetch, reports health and deletes', async () => {
    const first = await create('http://127.0.0.1:9/admin-a.xml', {
      title: 'Admin A',
      paused: true,
    });
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'paused');
    const again = await create('http://127.0.0.1:9/admin-a.xml');
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    const id = first.body.id;

    const renamed = (await (
      await api(`/feeds/${id}`, { method: 'PATCH', body: JSON.stringify({ title: 'Renamed' }) })
    ).json()) as Feed;
    assert.equal(renamed.title, 'Renamed');
    const other = await create('http://127.0.0.1:9/admin-b.xml');
    const clash = await api(`/feeds/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ url: other.body.url }),
    });
    assert.equal(clash.status, 409);
    assert.equal((await api(`/feeds/${id}`, { method: 'PATCH', body: '{}' })).status, 400);

    const resumed = (await (await api(`/feeds/${id}/resume`, { method: 'POST' })).json()) as Feed;
    assert.equal(resumed.status, 'active');
    const paused = (await (await api(`/feeds/${id}/pause`, { method: 'POST' })).json()) as Feed;
    assert.equal(paused.status, 'paused');
    await stack.query(`UPDATE feeds SET next_fetch_at = now() + interval '1 day' WHERE id = $1`, [
      id,
    ]);
    const forced = await api(`/feeds/${id}/fetch`, { method: 'POST' });
    assert.equal(forced.status, 202);
    assert.ok(
      Math.abs(Date.parse(((await forced.json()) as Feed).nextFetchAt) - Date.now()) < 5000,
    );

    await stack.query(
      `INSERT INTO articles (id, feed_id, content_fingerprint, content_hash, title, fetched_at, created_at)
       VALUES ($1, $3, 'fp-1', 'h', 't', now(), now()), ($2, $3, 'fp-2', 'h', 't', now(), now() - interval '2 days')`,
      [randomUUID(), randomUUID(), id],
    );
    const health = (await (await api(`/feeds/${id}/health`)).json()) as {
      articlesPerDay: { day: string; articles: number }[];
      articlesLast7Days: number;
      consecutiveFailures: number;
      status: string;
    };
    assert.equal(health.articlesPerDay.length, 7);
    assert.equal(health.articlesLast7Days, 2);
    assert.equal(health.articlesPerDay.at(-1)!.articles, 1);
    assert.equal(health.articlesPerDay.at(-3)!.articles, 1);
    assert.equal(health.status, 'paused');

    assert.equal((await api(`/feeds/${id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await api(`/feeds/${id}`)).status, 404);
    assert.equal((await api(`/feeds/${id}`, { method: 'DELETE' })).status, 404);
  });

  it('lists with filters and cursor pages', async () => {
    for (const n of [1, 2, 3, 4, 5])
      await create(`http://127.0.0.1:9/page-${n}.xml`, { paused: n % 2 === 0 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await api(`/feeds?q=page-&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as {
        items: Feed[];
        nextCursor: string | null;
      };
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((feed) => feed.url));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      [1, 2, 3, 4, 5].map((n) => `http://127.0.0.1:9/page-${n}.xml`),
    );
    const paused = (await (await api('/feeds?status=paused&q=page-')).json()) as { items: Feed[] };
    assert.deepEqual(
      paused.items.map((feed) => feed.url),
      [2, 4].map((n) => `http://127.0.0.1:9/page-${n}.xml`),
    );
  });

  it('imports thousands of OPML outlines with a report and exports them back', async () => {
    await create('http://127.0.0.1:9/opml/0.xml');
    const outlines = Array.from(
      { length: 3000 },
      (_, n) =>
        `<outline type="rss" text="Feed ${n} &amp; co" xmlUrl="http://127.0.0.1:9/opml/${n}.xml"/>`,
    );
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Big</title></head><body>
      <outline text="Folder">${outlines.join('\n')}</outline>
      <outline type="rss" text="again" xmlUrl="http://127.0.0.1:9/opml/7.xml"/>
      <outline type="rss" text="bad" xmlUrl="javascript:alert(1)"/>
      <outline type="rss" text="ftp" xmlUrl="ftp://example.org/feed"/>
      <outline type="rss" text="no url"/>
      </body></opml>`;
    const response = await fetch(`${stack.url('api')}/feeds/opml`, {
      method: 'POST',
      headers: { 'content-type': 'text/x-opml' },
      body: opml,
    });
    assert.equal(response.status, 200);
    const report = (await response.json()) as {
      imported: number;
      duplicates: number;
      invalid: { url: string; reason: string }[];
    };
    assert.equal(report.imported, 2999);
    assert.equal(report.duplicates, 2, 'one already subscribed, one repeated in the document');
    assert.deepEqual(
      report.invalid.map((entry) => entry.url),
      ['javascript:alert(1)', 'ftp://example.org/feed', ''],
    );

    const exported = await fetch(`${stack.url('api')}/feeds/opml`);
    assert.match(exported.headers.get('content-type') ?? '', /opml/);
    const document = await exported.text();
    const urls = [...document.matchAll(/xmlUrl="([^"]+)"/g)].map((match) => match[1]);
    const [count] = await stack.query<{ n: number }>('SELECT count(*)::int AS n FROM feeds');
    assert.equal(urls.length, count!.n);
    assert.ok(urls.includes('http://127.0.0.1:9/opml/2999.xml'));
    assert.match(document, /text="Feed 12 &amp; co"/);

    const reimport = await fetch(`${stack.url('api')}/feeds/opml`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: document,
    });
    const again = (await reimport.json()) as { imported: number; duplicates: number };
    assert.deepEqual(again, { imported: 0, duplicates: count!.n, invalid: [] });

    const streamed = await fetch(`${stack.url('api')}/feeds/opml`, {
      method: 'POST',
      headers: { 'content-type': 'text/x-opml', accept: 'application/x-ndjson' },
      body: opml.replace(/\/opml\//g, '/streamed/'),
    });
    assert.match(streamed.headers.get('content-type') ?? '', /ndjson/);
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(lines[0], { progress: { done: 0, total: 3000, imported: 0 } });
    assert.deepEqual(lines.at(-2), { progress: { done: 3000, total: 3000, imported: 3000 } });
    assert.equal(lines.at(-1).result.imported, 3000);
    assert.ok(lines.length >= 4, 'one progress line per inserted chunk');

    const bad = await fetch(`${stack.url('api')}/feeds/opml`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<opml><body>',
    });
    assert.equal(bad.status, 400);
  });
});
