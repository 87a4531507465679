import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { verifyWebhook } from '../../apps/api/src/webhooks/signing/index.js';
import { FeedServer, rssFeed } from '../support/feed-server.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

interface Received {
  path: string;
  body: string;
  signature: string | undefined;
}

/** A webhook receiver on 127.0.0.1: /flaky fails its first call, /gone answers 410. */
class Receiver {
  readonly calls: Received[] = [];
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.calls.push({ path, body, signature: request.headers['newsfeed-signature'] as string });
        const first = this.calls.filter((call) => call.path === path).length === 1;
        const status = path === '/gone' ? 410 : path === '/flaky' && first ? 500 : 200;
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** Reads an SSE response into messages as they arrive. */
class SseReader {
  readonly events: { id?: string; event?: string; data: Record<string, unknown> }[] = [];
  private readonly controller = new AbortController();
  opened = false;

  constructor(url: string, headers: Record<string, string> = {}) {
    void this.read(url, headers).catch(() => undefined);
  }

  private async read(url: string, headers: Record<string, string>): Promise<void> {
    const response = await fetch(url, { headers, signal: this.controller.signal });
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body!) {
      this.opened = true;
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        this.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  private parse(block: string): void {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const at = line.indexOf(': ');
      if (at > 0) fields.set(line.slice(0, at), line.slice(at + 2));
    }
    if (fields.has('data')) {
      this.events.push({
        id: fields.get('id'),
        event: fields.get('event'),
        data: JSON.parse(fields.get('data')!),
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

const OLD = {
  guid: 'volcano-1',
  pubDate: new Date(Date.now() - 7_200_000).toUTCString(),
  title: 'Volcano erupts near Reykjavik, flights diverted',
  description:
    'A fissure eruption began on the Reykjanes peninsula on Monday evening, sending lava ' +
    'fountains into the sky; airlines diverted several flights away from Keflavik airport.',
};
const NEW = {
  guid: 'volcano-2',
  pubDate: new Date(Date.now() - 3_600_000).toUTCString(),
  title: 'Lava reaches the town of Grindavik as the volcano keeps erupting',
  description:
    'Lava from the volcano crossed the defensive walls north of Grindavik on Tuesday; the ' +
    'town had been evacuated and no one was hurt, civil protection officials said.',
};

describe('delivery: output feeds, live stream and webhooks', () => {
  const feeds = new FeedServer();
  const receiver = new Receiver();
  const stack = new Stack({
    env: {
      api: {
        WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8',
        WEBHOOK_POLL_MS: '100',
        WEBHOOK_RETRY_BASE_MS: '200',
      },
    },
  });
  let api = '';
  let hooks = '';

  const subscribeFeed = async (path: string) => {
    const response = await fetch(`${api}/feeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${feeds.baseUrl}${path}` }),
    });
    assert.equal(response.status, 201);
  };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  before(async () => {
    await feeds.start();
    hooks = await receiver.start();
    feeds.routes.set('/old.xml', { body: rssFeed('Iceland', [OLD]) });
    feeds.routes.set('/new.xml', { body: rssFeed('Iceland live', [NEW]) });
    await stack.start();
    api = stack.url('api');
    await subscribeFeed('/old.xml');
    await waitFor(
      'the first article to be searchable',
      async () => {
        const body = (await (await fetch(`${api}/search?q=volcano`)).json()) as {
          items: unknown[];
        };
        return body.items.length === 1 ? true : undefined;
      },
      50_000,
      250,
    );
  });

  after(async () => {
    await stack.stop();
    await feeds.stop();
    await receiver.stop();
  });

  it('serves RSS, Atom and JSON Feed that re-parse, with ETag and Last-Modified 304s', async () => {
    const parser = new Parser();
    for (const format of ['rss', 'atom']) {
      const response = await fetch(`${api}/feeds/out/${format}?q=volcano`);
      assert.equal(response.status, 200);
      assert.match(
        response.headers.get('content-type')!,
        new RegExp(`application/${format}\\+xml`),
      );
      const body = await response.text();
      assert.equal(XMLValidator.validate(body), true);
      const parsed = await parser.parseString(body);
      assert.equal(parsed.items.length, 1);
      assert.equal(parsed.items[0]!.title, OLD.title);

      const etag = response.headers.get('etag')!;
      const lastModified = response.headers.get('last-modified')!;
      const byTag = await fetch(`${api}/feeds/out/${format}?q=volcano`, {
        headers: { 'if-none-match': etag },
      });
      assert.equal(byTag.status, 304);
      assert.equal(byTag.headers.get('etag'), etag);
      const byDate = await fetch(`${api}/feeds/out/${format}?q=volcano`, {
        headers: { 'if-modified-since': lastModified },
      });
      assert.equal(byDate.status, 304);
    }
    const json = await fetch(`${api}/feeds/out/json?q=volcano`);
    assert.match(json.headers.get('content-type')!, /application\/feed\+json/);
    const feed = (await json.json()) as {
      version: string;
      items: { title: string; url: string }[];
    };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.items[0]!.title, OLD.title);

    const search = (await (await fetch(`${api}/search?q=volcano`)).json()) as {
      facets: { topics: { value: string }[] };
    };
    const topic = search.facets.topics[0]?.value;
    assert.ok(topic, 'the classifier gave the article a topic');
    const topicFeed = await fetch(`${api}/feeds/out/topic/${topic}.atom`);
    assert.equal(topicFeed.status, 200);
    assert.equal((await parser.parseString(await topicFeed.text())).items.length, 1);
  });

  it('refuses webhook targets outside the allow-list', async () => {
    for (const url of [
      'http://169.254.169.254/latest',
      'http://10.1.2.3/hook',
      'file:///etc/passwd',
    ]) {
      const { status, body } = await post('/webhooks', { url, filter: { q: 'volcano' } });
      assert.equal(status, 400, url);
      assert.equal(body.parameter, 'url');
    }
    const badFilter = await post('/webhooks', { url: `${hooks}/x`, filter: { lang: 'klingon' } });
    assert.equal(badFilter.status, 400);
  });

  it('streams, replays, signs webhooks and disables a gone target when a new article arrives', async () => {
    const flaky = await post('/webhooks', { url: `${hooks}/flaky`, filter: { q: 'lava' } });
    assert.equal(flaky.status, 201);
    const secret = flaky.body.secret as string;
    const gone = await post('/webhooks', { url: `${hooks}/gone`, filter: { q: 'lava' } });
    const saved = await post('/saved-searches', {
      name: 'Icelandic lava',
      query: { q: 'lava', lang: 'en' },
    });
    assert.equal(saved.status, 201);

    const live = new SseReader(`${api}/stream?q=lava`);
    const savedLive = new SseReader(`${api}/saved-searches/${saved.body.id}/stream`);
    await waitFor('the streams to open', async () =>
      live.opened && savedLive.opened ? true : undefined,
    );
    try {
      await subscribeFeed('/new.xml');
      const event = await waitFor(
        'the new article on the stream',
        async () => live.events[0],
        40_000,
        100,
      );
      assert.equal(event.event, 'article');
      assert.equal(event.data.title, NEW.title);
      assert.ok(event.id);
      await waitFor('the saved search stream', async () => savedLive.events[0], 10_000, 100);

      const replay = new SseReader(`${api}/stream?q=volcano`, {
        'last-event-id': '2000-01-01T00:00:00Z~00000000-0000-4000-8000-000000000000',
      });
      const replayed = await waitFor(
        'the replay',
        async () => (replay.events.length === 2 ? replay.events : undefined),
        10_000,
        100,
      );
      replay.close();
      assert.deepEqual(
        replayed.map((e) => e.data.title),
        [OLD.title, NEW.title],
      );
      // An indexer batch that started before the client's last event but committed after it:
      // its indexed_at is earlier than Last-Event-ID, and a resumed stream must still bring it.
      const [old] = replayed;
      const newest = replayed[1]!;
      const newestAt = Date.parse(newest.data.indexedAt as string);
      await stack.query(`UPDATE search_documents SET indexed_at = $2 WHERE article_id = $1`, [
        old!.data.id,
        new Date(newestAt - 1000).toISOString(),
      ]);
      const resumed = new SseReader(`${api}/stream?q=volcano`, { 'last-event-id': newest.id! });
      const late = await waitFor(
        'the late commit',
        async () => (resumed.events.length > 0 ? resumed.events : undefined),
        10_000,
        100,
      );
      resumed.close();
      assert.deepEqual(
        late.map((e) => e.data.title),
        [OLD.title],
        'the late article once, and not the one the client already had',
      );
      const bad = await fetch(`${api}/stream?q=lava`, { headers: { 'last-event-id': 'nonsense' } });
      assert.equal(bad.status, 400);
    } finally {
      live.close();
      savedLive.close();
    }

    const delivered = await waitFor(
      'the webhook retry to succeed',
      async () => {
        const calls = receiver.calls.filter((call) => call.path === '/flaky');
        return calls.length >= 2 ? calls : undefined;
      },
      20_000,
      100,
    );
    const last = delivered[delivered.length - 1]!;
    assert.equal(verifyWebhook(secret, last.signature, last.body).ok, true);
    assert.equal(verifyWebhook('not-the-secret-at-all', last.signature, last.body).ok, false);
    const payload = JSON.parse(last.body) as { type: string; article: { title: string } };
    assert.equal(payload.type, 'article.indexed');
    assert.equal(payload.article.title, NEW.title);

    type Log = { items: { status: string; attempts: number; lastStatus: number }[] };
    const log = await waitFor('the delivery log', async () => {
      const url = `${api}/webhooks/${flaky.body.id}/deliveries`;
      const { items } = (await (await fetch(url)).json()) as Log;
      return items[0]?.status === 'delivered' ? items : undefined;
    });
    assert.equal(log.length, 1);
    assert.equal(log[0]!.attempts, 2, 'the first attempt got a 500 and was retried');
    assert.equal(log[0]!.lastStatus, 200);
    const goneState = await waitFor('the gone subscription to be disabled', async () => {
      const body = (await (await fetch(`${api}/webhooks/${gone.body.id}`)).json()) as {
        status: string;
      };
      return body.status === 'disabled' ? body : undefined;
    });
    assert.equal(goneState.status, 'disabled');

    const savedFeed = (await (
      await fetch(`${api}/saved-searches/${saved.body.id}/feed.json`)
    ).json()) as {
      items: { title: string }[];
    };
    // Both mention lava; a feed lists the newest first.
    assert.deepEqual(
      savedFeed.items.map((item) => item.title),
      [NEW.title, OLD.title],
    );
  });
});
