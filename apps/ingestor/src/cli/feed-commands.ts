import { readFile } from 'node:fs/promises';
import { discoverFeeds, type DocumentFetcher, type FetchedDocument } from '../discover/index.js';
import { isFetchError } from '#net';
import { fetchFeed, type FetchOptions } from '../fetch/http-fetcher.js';
import { FeedParseError, parseFeed, type FeedEntry, type ParsedFeed } from '../parse/index.js';
import { sanitizeEntryContent, type SanitizedEntryContent } from '../sanitize/index.js';
import { isHttpUrl, parseFeedArgs, USAGE, UsageError, type FeedCliArgs } from './feed-args.js';

/** The work behind `npm run feed`, separate from process I/O so it can be tested directly. */

/**
 * What `--allow-private` lets through the SSRF guard: loopback and private ranges. Link-local
 * stays refused (169.254.169.254 is the cloud metadata endpoint); FETCH_ALLOW_CIDRS can add it.
 */
export const PRIVATE_CIDRS: readonly string[] = [
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '::1/128',
  'fc00::/7',
];

export interface FeedCliEnv {
  readonly FETCH_ALLOW_CIDRS?: string;
}

export interface CommandResult {
  /** 0: done; 1: not a feed, no feeds found, or the fetch/read failed; 2: bad usage. */
  readonly exitCode: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

export interface FeedPreview {
  readonly feed: Omit<ParsedFeed, 'entries'>;
  readonly entries: ReadonlyArray<FeedEntry & { readonly sanitized: SanitizedEntryContent }>;
}

export async function runFeedCommand(
  argv: readonly string[],
  env: FeedCliEnv = {},
): Promise<CommandResult> {
  let args: FeedCliArgs;
  try {
    args = parseFeedArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return { exitCode: 2, stderr: `${err.message}\n${USAGE}` };
    throw err;
  }
  try {
    return args.command === 'parse'
      ? await parseCommand(args, env)
      : await discoverCommand(args, env);
  } catch (err) {
    return { exitCode: 1, stderr: failureMessage(err, args.target) };
  }
}

async function parseCommand(args: FeedCliArgs, env: FeedCliEnv): Promise<CommandResult> {
  const document = await loadDocument(args, env);
  const preview = previewFeed(parseFeed(document));
  return { exitCode: 0, stdout: toJson(preview) };
}

async function discoverCommand(args: FeedCliArgs, env: FeedCliEnv): Promise<CommandResult> {
  const page = await loadDocument(args, env);
  if (args.probe && !page.url)
    return { exitCode: 2, stderr: '--probe needs a page URL (or --base-url for a file)' };
  const report = await discoverFeeds(page, { probe: args.probe, fetch: fetcher(args, env) });
  if (report.feeds.length === 0)
    return { exitCode: 1, stdout: toJson(report), stderr: `no feeds found for ${args.target}` };
  return { exitCode: 0, stdout: toJson(report) };
}

/** The normalised feed, and each entry with its sanitised HTML and plain text. */
export function previewFeed(feed: ParsedFeed): FeedPreview {
  const { entries, ...meta } = feed;
  return {
    feed: meta,
    entries: entries.map((entry) => ({ ...entry, sanitized: sanitizeEntryContent(entry) })),
  };
}

/** Reads a file, or fetches a URL through the guarded fetcher. */
export async function loadDocument(args: FeedCliArgs, env: FeedCliEnv): Promise<FetchedDocument> {
  if (isHttpUrl(args.target)) return fetcher(args, env)(args.target);
  const body = await readFile(args.target);
  return args.baseUrl ? { body, url: args.baseUrl } : { body };
}

export function fetcher(args: FeedCliArgs, env: FeedCliEnv): DocumentFetcher {
  const options = fetchOptions(args, env);
  return async (url) => {
    const result = await fetchFeed({ url }, options);
    const { contentType } = result.headers;
    return contentType
      ? { body: result.body, contentType, url: result.finalUrl }
      : { body: result.body, url: result.finalUrl };
  };
}

export function fetchOptions(args: FeedCliArgs, env: FeedCliEnv): FetchOptions {
  const allow = [...(args.allowPrivate ? PRIVATE_CIDRS : []), ...splitCidrs(env.FETCH_ALLOW_CIDRS)];
  return { allow };
}

function splitCidrs(spec: string | undefined): string[] {
  return (spec ?? '').split(/[\s,]+/).filter((cidr) => cidr !== '');
}

function failureMessage(err: unknown, target: string): string {
  if (err instanceof FeedParseError) return `not a feed: ${target}: ${err.message}`;
  if (isFetchError(err)) {
    const hint =
      err.kind === 'ssrf_refused'
        ? ' (use --allow-private or FETCH_ALLOW_CIDRS for local use)'
        : '';
    return `fetch failed (${err.kind}): ${err.message}${hint}`;
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `no such file: ${target}`;
  return err instanceof Error ? err.message : String(err);
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
