/** Short, stable keys for the namespaces feeds use, whatever URI variant or prefix they carry. */
export type NsKey =
  | ''
  | 'atom'
  | 'content'
  | 'dc'
  | 'dcterms'
  | 'itunes'
  | 'media'
  | 'sy'
  | 'rdf'
  | 'xhtml'
  | 'googleplay'
  | 'other';

const EXACT_NAMESPACES: ReadonlyMap<string, NsKey> = new Map<string, NsKey>([
  ['', ''],
  ['http://purl.org/rss/1.0/', ''],
  ['http://my.netscape.com/rdf/simple/0.9/', ''],
  ['http://channel.netscape.com/rdf/simple/0.9/', ''],
  ['http://backend.userland.com/rss2', ''],
  ['http://blogs.law.harvard.edu/tech/rss', ''],
  ['http://www.w3.org/2005/atom', 'atom'],
  ['http://purl.org/atom/ns#', 'atom'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://video.search.yahoo.com/mrss/', 'media'],
  ['http://purl.org/rss/1.0/modules/syndication/', 'sy'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://www.google.com/schemas/play-podcasts/1.0', 'googleplay'],
]);

/** Undeclared prefixes are common (`<content:encoded>` with no xmlns): trust the usual prefix. */
const CONVENTIONAL_PREFIXES: ReadonlyMap<string, NsKey> = new Map<string, NsKey>([
  ['atom:', 'atom'],
  ['atom10:', 'atom'],
  ['content:', 'content'],
  ['dc:', 'dc'],
  ['dcterms:', 'dcterms'],
  ['itunes:', 'itunes'],
  ['media:', 'media'],
  ['sy:', 'sy'],
  ['rdf:', 'rdf'],
  ['xhtml:', 'xhtml'],
  ['googleplay:', 'googleplay'],
]);

const keyCache = new Map<string, NsKey>();

/** The key of a namespace URI (or of an undeclared `prefix:`), memoised. */
export function namespaceKey(ns: string): NsKey {
  const cached = keyCache.get(ns);
  if (cached !== undefined) return cached;
  const key = classifyNamespace(ns);
  if (keyCache.size < 1000) keyCache.set(ns, key);
  return key;
}

function classifyNamespace(ns: string): NsKey {
  const conventional = CONVENTIONAL_PREFIXES.get(ns);
  if (conventional !== undefined) return conventional;
  const normalised = ns.trim().toLowerCase();
  const exact = EXACT_NAMESPACES.get(normalised) ?? EXACT_NAMESPACES.get(`${normalised}/`);
  return exact ?? 'other';
}
