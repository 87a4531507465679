import {
  type Agent as HttpAgent,
  type ClientRequest,
  type IncomingMessage,
  request as httpRequest,
} from 'node:http';
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AddressGuard } from '#net';
import { ACCEPT_ENCODING, readBody } from './body.js';
import { FetchError } from '#net';
import { type Resolver, checkLiteralHost, createGuardedLookup, hostOf, parseFeedUrl } from '#net';
import type { FeedHeaders, RedirectHop } from '#net';

export type { FeedHeaders, RedirectHop } from '#net';

export interface FetchRequest {
  url: string;
  /** Stored validators from the last changed fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  /** Addresses that are allowed although not globally routable, e.g. `127.0.0.0/8,::1/128`. */
  allow?: string | readonly string[];
  /** A ready guard (takes precedence over `allow`). */
  guard?: AddressGuard;
  /** DNS; defaults to the system resolver. Tests inject stubs. */
  resolver?: Resolver;
  userAgent?: string;
  /** Cap on the decoded body. Default 10 MiB. */
  maxBytes?: number;
  /** DNS + TCP (+ TLS) connect time allowed per hop. Default 10 s. */
  connectTimeoutMs?: number;
  /** Whole fetch including redirects and body. Default 30 s. */
  totalTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  signal?: AbortSignal;
  /** Agents per scheme (keep-alive, TLS options); default none (one connection per request). */
  agents?: { http?: HttpAgent; https?: HttpsAgent };
}

export interface FetchResult {
  /** True for a 304 answer to a conditional GET; body is then empty. */
  notModified: boolean;
  status: number;
  headers: FeedHeaders;
  body: Buffer;
  /** Decoded body size. */
  bytes: number;
  /** Body size on the wire, before decompression. */
  wireBytes: number;
  durationMs: number;
  /** The URL that answered (after redirects). */
  finalUrl: string;
  redirects: RedirectHop[];
  /** The checked IP the final connection was pinned to. */
  remoteAddress?: string;
}

export const DEFAULT_USER_AGENT = 'newsfeed/0.1 (+https://github.com/newsfeed)';
export const FETCH_DEFAULTS = {
  maxBytes: 10 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxRedirects: 5,
} as const;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Settings {
  guard: AddressGuard;
  resolver?: Resolver;
  userAgent: string;
  maxBytes: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxRedirects: number;
  agents: { http?: HttpAgent; https?: HttpsAgent };
}

function settingsFrom(options: FetchOptions): Settings {
  return {
    guard: options.guard ?? new AddressGuard(options.allow),
    resolver: options.resolver,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
    connectTimeoutMs: options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs,
    maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
    agents: options.agents ?? {},
  };
}

/**
 * Tracks what is in flight so a deadline or an abort can tear it down, and remembers the first
 * reason so the caller sees "timeout", not the ECONNRESET the teardown causes.
 */
class Flight {
  failure?: FetchError;
  private readonly live = new Set<{ destroy(err?: Error): unknown }>();
  private readonly timer: NodeJS.Timeout;
  private readonly onAbort = () => this.fail(new FetchError('aborted', 'fetch aborted by caller'));

  constructor(
    totalTimeoutMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.timer = setTimeout(
      () =>
        this.fail(
          new FetchError('timeout', `no complete answer within ${totalTimeoutMs} ms`, {
            phase: 'total',
          }),
        ),
      totalTimeoutMs,
    );
    signal?.addEventListener('abort', this.onAbort, { once: true });
    if (signal?.aborted) this.onAbort();
  }

  track<T extends { destroy(err?: Error): unknown }>(item: T): T {
    if (this.failure) item.destroy(this.failure);
    else this.live.add(item);
    return item;
  }

  fail(err: FetchError): void {
    this.failure ??= err;
    for (const item of this.live) item.destroy(this.failure);
  }

  /** The error to report: the recorded reason wins over the side effects of tearing down. */
  explain(err: unknown): FetchError {
    if (this.failure) return this.failure;
    if (err instanceof FetchError) return err;
    const text = err instanceof Error ? err.message : String(err);
    return new FetchError('network', text, { cause: err });
  }

  /** Stops the deadline; finished streams are left alone so a keep-alive agent may reuse sockets. */
  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    this.live.clear();
  }
}

function requestHeaders(request: FetchRequest, settings: Settings): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

/** Defence in depth: the socket's real peer must pass the guard too. */
function verifyPeer(socket: Socket, settings: Settings, req: ClientRequest): void {
  const peer = socket.remoteAddress;
  if (peer === undefined) return;
  const verdict = settings.guard.check(peer);
  if (!verdict.allowed)
    req.destroy(new FetchError('ssrf_refused', `connected peer refused: ${verdict.reason}`));
}

function watchConnect(
  req: ClientRequest,
  secure: boolean,
  settings: Settings,
  flight: Flight,
): void {
  const timer = setTimeout(() => {
    const err = new FetchError('timeout', `not connected within ${settings.connectTimeoutMs} ms`, {
      phase: 'connect',
    });
    flight.fail(err);
  }, settings.connectTimeoutMs);
  const connected = (socket: Socket) => {
    clearTimeout(timer);
    verifyPeer(socket, settings, req);
  };
  req.once('socket', (socket: Socket) => {
    if (!socket.connecting) return connected(socket);
    socket.once(secure ? 'secureConnect' : 'connect', () => connected(socket));
  });
  req.once('close', () => clearTimeout(timer));
}

function send(
  url: URL,
  request: FetchRequest,
  settings: Settings,
  flight: Flight,
): Promise<IncomingMessage> {
  const hostname = hostOf(url);
  checkLiteralHost(hostname, settings.guard);
  const secure = url.protocol === 'https:';
  const lookup = createGuardedLookup({ guard: settings.guard, resolver: settings.resolver });
  return new Promise((resolve, reject) => {
    const options = {
      hostname,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: requestHeaders(request, settings),
      auth: url.username
        ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
        : undefined,
      lookup,
      agent: (secure ? settings.agents.https : settings.agents.http) ?? false,
    };
    const req = flight.track(secure ? httpsRequest(options) : httpRequest(options));
    watchConnect(req, secure, settings, flight);
    req.once('response', (res) => resolve(flight.track(res)));
    req.once('error', reject);
    req.end();
  });
}

function pickHeaders(res: IncomingMessage): FeedHeaders {
  const h = res.headers;
  const one = (name: string): string | undefined => {
    const value = h[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const picked: FeedHeaders = {
    contentType: one('content-type'),
    etag: one('etag'),
    lastModified: one('last-modified'),
    cacheControl: one('cache-control'),
    expires: one('expires'),
    retryAfter: one('retry-after'),
    date: one('date'),
    age: one('age'),
    contentEncoding: one('content-encoding'),
  };
  return Object.fromEntries(
    Object.entries(picked).filter(([, v]) => v !== undefined),
  ) as FeedHeaders;
}

/** The URL without its fragment: what identifies a hop for loop detection. */
const hopKey = (url: URL): string => url.href.replace(/#.*$/, '');

function nextHop(
  url: URL,
  res: IncomingMessage,
  redirects: RedirectHop[],
  seen: Set<string>,
  settings: Settings,
): URL {
  const status = res.statusCode ?? 0;
  const location = res.headers.location;
  if (!location) {
    throw new FetchError('http_status', `${status} redirect without Location`, {
      status,
      headers: pickHeaders(res),
    });
  }
  const next = parseFeedUrl(location, url.href);
  redirects.push({ from: url.href, to: next.href, status });
  if (seen.has(hopKey(next)))
    throw new FetchError('redirect_loop', `redirect loop back to ${next.href}`, { status });
  if (redirects.length > settings.maxRedirects) {
    throw new FetchError('too_many_redirects', `more than ${settings.maxRedirects} redirects`, {
      status,
    });
  }
  seen.add(hopKey(next));
  return next;
}

/** An unencoded body whose declared length is over the cap is refused without reading it. */
function refuseDeclaredOversize(
  res: IncomingMessage,
  headers: FeedHeaders,
  maxBytes: number,
): void {
  const declared = Number(res.headers['content-length']);
  const encoded = (headers.contentEncoding ?? 'identity').toLowerCase() !== 'identity';
  if (encoded || !Number.isFinite(declared) || declared <= maxBytes) return;
  res.destroy();
  throw new FetchError(
    'too_large',
    `Content-Length ${declared} exceeds the ${maxBytes}-byte limit`,
  );
}

/**
 * Fetches one feed: SSRF-guarded and pinned DNS, conditional GET, gzip/deflate/br decoding with a
 * post-decompression size cap, connect and total timeouts, and bounded, re-checked redirects.
 * Resolves for 2xx and 304; rejects with a FetchError (`kind`) for everything else.
 */
export async function fetchFeed(
  request: FetchRequest,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const started = performance.now();
  const settings = settingsFrom(options);
  const flight = new Flight(settings.totalTimeoutMs, options.signal);
  const redirects: RedirectHop[] = [];
  let url: URL | undefined;
  try {
    url = parseFeedUrl(request.url);
    const seen = new Set([hopKey(url)]);
    for (;;) {
      const res = await send(url, request, settings, flight);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.destroy();
        url = nextHop(url, res, redirects, seen, settings);
        continue;
      }
      const base = {
        status,
        headers: pickHeaders(res),
        finalUrl: url.href,
        redirects,
        remoteAddress: res.socket?.remoteAddress,
      };
      if (status === 304) {
        res.resume(); // a 304 has no body: draining keeps a keep-alive socket reusable
        return {
          ...base,
          notModified: true,
          body: Buffer.alloc(0),
          bytes: 0,
          wireBytes: 0,
          durationMs: performance.now() - started,
        };
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new FetchError('http_status', `HTTP ${status}`, { status, headers: base.headers });
      }
      refuseDeclaredOversize(res, base.headers, settings.maxBytes);
      const body = await readBody(res, base.headers.contentEncoding, {
        maxBytes: settings.maxBytes,
      });
      return { ...base, notModified: false, ...body, durationMs: performance.now() - started };
    }
  } catch (err) {
    throw flight.explain(err).withContext({ url: url?.href ?? request.url, redirects });
  } finally {
    flight.dispose();
  }
}
