import { createHash } from 'node:crypto';

/** Query parameters that only track the reader (compared lower-cased). */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'ref',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'oly_anon_id',
  'oly_enc_id',
  'vero_conv',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'ncid',
  'ocid',
  'xtor',
  'sr_share',
  'spm',
  'epik',
  '_openstat',
  'cmpid',
  'at_medium',
  'at_campaign',
  'at_source',
  'guce_referrer',
  'guce_referrer_sig',
  'guccounter',
]);

/** Prefixes of tracking parameter families (utm_source, pk_campaign, mtm_kwd, …). */
export const TRACKING_PREFIXES: readonly string[] = [
  'utm_',
  'pk_',
  'mtm_',
  'piwik_',
  'matomo_',
  'hmb_',
  'itm_',
];

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** `%7e` -> `~`, `%2f` -> `%2F`: decode what never needed encoding, upper-case the rest. */
function normalisePercentEncoding(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function decodeName(raw: string): string {
  const plus = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** Query without tracking parameters, sorted by name (stable: repeated names keep their order). */
function canonicalQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({
      pair: normalisePercentEncoding(pair),
      name: decodeName(pair.split('=')[0]!),
    }))
    .filter(({ name }) => !isTrackingParam(name));
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.map(({ pair }) => pair).join('&');
}

/**
 * The canonical form of an article URL, for dedup: http(s) only; tracking parameters removed,
 * remaining parameters sorted; host lower-cased without a trailing dot; default port, fragment,
 * credentials and an empty `?` dropped; path case kept. Undefined when not an http(s) URL.
 */
export function canonicalizeUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if (hostname === '') return undefined;
  const host = url.port ? `${hostname}:${url.port}` : hostname;
  const query = canonicalQuery(url.search);
  const path = normalisePercentEncoding(url.pathname);
  return `${url.protocol}//${host}${path}${query ? `?${query}` : ''}`;
}

/**
 * SHA-256 hex of the canonical URL without its scheme: the same article served over http and
 * https is one article. Undefined when the URL has no canonical form.
 */
export function canonicalUrlHash(raw: string | undefined, base?: string): string | undefined {
  const canonical = canonicalizeUrl(raw, base);
  if (!canonical) return undefined;
  return createHash('sha256')
    .update(canonical.replace(/^https?:/, ''))
    .digest('hex');
}
