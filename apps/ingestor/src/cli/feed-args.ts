/** Command-line arguments of `npm run feed -- <parse|discover> <url-or-file> [flags]`. */

export type FeedCommand = 'parse' | 'discover';

export interface FeedCliArgs {
  readonly command: FeedCommand;
  /** An http(s) URL or a file path. */
  readonly target: string;
  /** Permit loopback and private addresses (local servers); the SSRF guard stays on otherwise. */
  readonly allowPrivate: boolean;
  /** discover: also try /feed, /rss, /atom.xml, /feed.xml, /index.xml. */
  readonly probe: boolean;
  /** For a file: the URL it stands for, so relative links resolve. */
  readonly baseUrl?: string;
}

export const USAGE = [
  'usage: npm run feed -- parse <url-or-file> [--allow-private] [--base-url <url>]',
  '       npm run feed -- discover <page-url-or-file> [--probe] [--allow-private] [--base-url <url>]',
  'FETCH_ALLOW_CIDRS (e.g. 127.0.0.0/8) also permits those addresses.',
].join('\n');

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseFeedArgs(argv: readonly string[]): FeedCliArgs {
  const positional: string[] = [];
  let allowPrivate = false;
  let probe = false;
  let baseUrl: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--allow-private') allowPrivate = true;
    else if (arg === '--probe') probe = true;
    else if (arg === '--base-url') baseUrl = requireValue(argv[++index], arg);
    else if (arg.startsWith('--base-url=')) baseUrl = arg.slice('--base-url='.length);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [command, target, ...extra] = positional;
  if (command !== 'parse' && command !== 'discover')
    throw new UsageError(command ? `unknown command ${command}` : 'missing command');
  if (!target) throw new UsageError(`${command} needs a URL or a file`);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  if (probe && command !== 'discover') throw new UsageError('--probe only applies to discover');
  if (baseUrl !== undefined && !isHttpUrl(baseUrl))
    throw new UsageError('--base-url must be an absolute http(s) URL');
  return { command, target, allowPrivate, probe, ...(baseUrl ? { baseUrl } : {}) };
}

function requireValue(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}
