import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT } from './paths.mjs';

const DIR = path.join(ROOT, 'samples', 'feeds');

export function sampleFeedFiles() {
  return fs
    .readdirSync(DIR)
    .filter((name) => name.endsWith('.xml'))
    .sort();
}

/** Serves the bundled sample feeds on loopback, with ETag so polls after the first are 304s. */
export function startSampleFeedServer(port) {
  const server = http.createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(DIR, name);
    if (!name.endsWith('.xml') || !fs.existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    const stat = fs.statSync(file);
    const etag = `"${stat.size}-${Math.floor(stat.mtimeMs)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
