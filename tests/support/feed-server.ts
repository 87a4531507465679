import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedRoute {
  status?: number;
  contentType?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** A feed farm on 127.0.0.1 whose routes tests can change while it runs. */
export class FeedServer {
  readonly routes = new Map<string, FeedRoute>();
  readonly hits = new Map<string, number>();
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      const path = request.url ?? '/';
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      const route = this.routes.get(path);
      if (!route) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(route.status ?? 200, {
        'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8',
        ...route.headers,
      });
      response.end(route.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.baseUrl;
  }

  get baseUrl(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export function rssFeed(
  title: string,
  items: { guid: string; title: string; description: string; link?: string; pubDate?: string }[],
): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const entries = items
    .map(
      (item) =>
        `<item><guid>${escape(item.guid)}</guid><title>${escape(item.title)}</title>` +
        `<link>${escape(item.link ?? `https://example.org/${item.guid}`)}</link>` +
        `<description>${escape(item.description)}</description>` +
        `<pubDate>${item.pubDate ?? new Date().toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escape(title)}</title>` +
    `<link>https://example.org/</link><description>test feed</description>\n${entries}\n</channel></rss>`
  );
}
