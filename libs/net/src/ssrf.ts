import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { AddressGuard } from './address-guard.js';
import { FetchError } from './errors.js';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to every address it has. Injectable so tests never touch real DNS. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (getaddrinfo, so /etc/hosts counts), asking for all addresses at once. */
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) reject(err);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });

const SCHEMES = new Set(['http:', 'https:']);

/**
 * Parses a feed URL with the WHATWG parser, which normalises odd IPv4 spellings
 * (`0x7f000001`, `2130706433`, `127.1`, `0177.0.0.1` all become `127.0.0.1`) and IPv6 literals,
 * so the guard only ever sees canonical addresses. Only http and https are accepted.
 */
export function parseFeedUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch (cause) {
    throw new FetchError('bad_url', `invalid URL: ${JSON.stringify(raw)}`, { url: raw, cause });
  }
  if (!SCHEMES.has(url.protocol)) {
    throw new FetchError('bad_url', `unsupported scheme ${url.protocol} (only http and https)`, {
      url: url.href,
    });
  }
  if (hostOf(url) === '') throw new FetchError('bad_url', 'URL has no host', { url: url.href });
  return url;
}

/** The URL's host without IPv6 brackets and without a trailing root dot. */
export function hostOf(url: URL): string {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function refuse(hostname: string, reason: string): FetchError {
  return new FetchError('ssrf_refused', `refused ${hostname}: ${reason}`);
}

/**
 * Checks a host that is already an IP literal (Node's net skips `lookup` for those, so the
 * fetcher must call this itself). Returns the address when it is a literal, undefined for names.
 */
export function checkLiteralHost(
  hostname: string,
  guard: AddressGuard,
): ResolvedAddress | undefined {
  const family = isIP(hostname);
  if (family === 0) return undefined;
  const verdict = guard.check(hostname);
  if (!verdict.allowed) throw refuse(hostname, verdict.reason);
  return { address: hostname, family: family === 6 ? 6 : 4 };
}

/**
 * Resolves once and checks EVERY address: one forbidden answer refuses the whole host, so a
 * name mixing public and private records cannot be used to reach the private one.
 */
export async function resolveChecked(
  hostname: string,
  guard: AddressGuard,
  resolver: Resolver,
): Promise<ResolvedAddress[]> {
  const literal = checkLiteralHost(hostname, guard);
  if (literal) return [literal];
  let answers: readonly ResolvedAddress[];
  try {
    answers = await resolver(hostname);
  } catch (cause) {
    throw new FetchError('network', `DNS lookup failed for ${hostname}: ${message(cause)}`, {
      cause,
    });
  }
  if (answers.length === 0)
    throw new FetchError('network', `DNS returned no address for ${hostname}`);
  for (const answer of answers) {
    const verdict = guard.check(answer.address);
    if (!verdict.allowed) throw refuse(hostname, verdict.reason);
  }
  return [...answers];
}

function message(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export interface GuardedLookupOptions {
  guard: AddressGuard;
  resolver?: Resolver;
  /** Told which checked addresses the connection is pinned to (for logs and tests). */
  onResolved?: (hostname: string, addresses: readonly ResolvedAddress[]) => void;
}

function wantedFamily(options: LookupOptions): 4 | 6 | undefined {
  const family = options.family as unknown;
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return undefined;
}

/**
 * A `lookup` for http.request / net.connect: it resolves DNS once, refuses the host when any
 * answer is forbidden, and hands Node exactly the checked addresses, so the socket connects to
 * an address that was checked (no second resolution, hence no DNS rebinding window).
 */
export function createGuardedLookup(options: GuardedLookupOptions) {
  const resolver = options.resolver ?? systemResolver;
  return (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void => {
    resolveChecked(hostname, options.guard, resolver).then(
      (addresses) => {
        const family = wantedFamily(lookupOptions);
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`no IPv${family} address for ${hostname}`);
          err.code = 'ENOTFOUND';
          callback(err, '', 0);
          return;
        }
        options.onResolved?.(hostname, usable);
        if (lookupOptions.all)
          callback(
            null,
            usable.map((a) => ({ ...a })),
          );
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
