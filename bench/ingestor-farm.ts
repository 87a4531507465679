/**
 * The feed farm of bench/ingestor.bench.ts, run as a child process so its CPU and memory are not
 * counted as the ingestor's: `hosts` HTTP servers on loopback addresses 127.1.x.y (one host name
 * each, so per-host politeness applies as in the wild), `feeds` feeds spread over them. A request
 * with the current ETag gets 304; a share `changed` of requests finds a new entry (200).
 */
import http from 'node:http';
import { hostAddress } from './ingestor-hosts.js';

const [hostCount, feedCount, changedRatio, port] = process.argv.slice(2).map(Number) as [
  number,
  number,
  number,
  number,
];

const versions = new Uint32Array(feedCount);
let requests = 0;
let notModified = 0;
let changed = 0;

function document(feed: number, version: number): string {
  const items = Array.from({ length: 5 }, (_, i) => {
    const n = version - i;
    return (
      `<item><guid>feed-${feed}-entry-${n}</guid><title>Feed ${feed} story ${n}: council votes on the harbour plan</title>` +
      `<link>https://news.example/feed-${feed}/story-${n}</link>` +
      `<description>Story ${n} of feed ${feed}. The council met on Tuesday to discuss the new harbour ` +
      `plan, the budget for the coming year and the repairs to the old bridge.</description>` +
      `<pubDate>${new Date(Date.now() - i * 3_600_000).toUTCString()}</pubDate></item>`
    );
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${feed}</title><link>https://news.example/feed-${feed}/</link><description>bench</description>${items}</channel></rss>`;
}

function answer(request: http.IncomingMessage, response: http.ServerResponse): void {
  requests += 1;
  const match = /^\/feed\/(\d+)\.xml$/.exec(request.url ?? '');
  const feed = match ? Number(match[1]) : -1;
  if (feed < 0 || feed >= feedCount) {
    response.writeHead(404).end();
    return;
  }
  if (Math.random() < changedRatio) versions[feed] = versions[feed]! + 1;
  const etag = `"v${versions[feed]}"`;
  if (request.headers['if-none-match'] === etag) {
    notModified += 1;
    response.writeHead(304, { etag }).end();
    return;
  }
  changed += 1;
  response.writeHead(200, { etag, 'content-type': 'application/rss+xml; charset=utf-8' });
  response.end(document(feed, versions[feed]! + 5));
}

const servers: http.Server[] = [];
for (let index = 0; index < hostCount; index += 1) {
  const server = http.createServer(answer);
  server.keepAliveTimeout = 60_000;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, hostAddress(index), resolve));
}
process.send?.({ ready: true });
process.on('message', (message: { stats?: boolean; stop?: boolean }) => {
  if (message.stats) process.send?.({ requests, notModified, changed });
  if (message.stop) {
    for (const server of servers) server.closeAllConnections();
    process.exit(0);
  }
});
