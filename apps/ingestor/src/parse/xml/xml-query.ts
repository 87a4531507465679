import type { XmlElement, XmlNode } from './xml-tree.js';

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

export function nsKey(element: XmlElement): NsKey {
  const cached = keyCache.get(element.ns);
  if (cached !== undefined) return cached;
  const key = classifyNamespace(element.ns);
  if (keyCache.size < 1000) keyCache.set(element.ns, key);
  return key;
}

function classifyNamespace(ns: string): NsKey {
  const conventional = CONVENTIONAL_PREFIXES.get(ns);
  if (conventional !== undefined) return conventional;
  const normalised = ns.trim().toLowerCase();
  const exact = EXACT_NAMESPACES.get(normalised) ?? EXACT_NAMESPACES.get(`${normalised}/`);
  return exact ?? 'other';
}

const EMPTY: XmlElement[] = [];

/** All child elements named `local` (case-insensitive) in namespace `ns`. */
export function childrenNamed(element: XmlElement, ns: NsKey, local: string): XmlElement[] {
  const wanted = local.toLowerCase();
  let found: XmlElement[] | undefined;
  for (const child of element.children) {
    if (typeof child === 'string' || child.key !== wanted || nsKey(child) !== ns) continue;
    (found ??= []).push(child);
  }
  return found ?? EMPTY;
}

export function childNamed(element: XmlElement, ns: NsKey, local: string): XmlElement | undefined {
  const wanted = local.toLowerCase();
  for (const child of element.children) {
    if (typeof child !== 'string' && child.key === wanted && nsKey(child) === ns) return child;
  }
  return undefined;
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** The first child element with a non-empty value, trying each `[ns, local]` in order. */
export function firstValue(
  element: XmlElement,
  candidates: ReadonlyArray<readonly [NsKey, string]>,
): string | undefined {
  for (const [ns, local] of candidates) {
    for (const child of childrenNamed(element, ns, local)) {
      const value = valueOf(child);
      if (value) return value;
    }
  }
  return undefined;
}

/** Text of an element; markup nested without CDATA is kept as markup (naked HTML in RSS). */
export function valueOf(element: XmlElement): string {
  return innerXml(element).trim();
}

/** Concatenated character data of all descendants, markup dropped. */
export function textContent(element: XmlElement): string {
  let text = '';
  for (const child of element.children) {
    text += typeof child === 'string' ? child : textContent(child);
  }
  return text;
}

const VOID_HTML = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr', 'col']);

/** Serialises the children back to markup (text escaped), for inline XHTML and naked HTML. */
export function innerXml(element: XmlElement): string {
  const { children } = element;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let out = '';
  for (const child of children) out += serialise(child);
  return out;
}

function serialise(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  const name = node.local;
  let attrs = '';
  for (const [key, value] of Object.entries(node.attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    attrs += ` ${key}="${escapeAttribute(value)}"`;
  }
  if (node.children.length === 0 && VOID_HTML.has(name.toLowerCase())) return `<${name}${attrs}>`;
  return `<${name}${attrs}>${innerXmlEscaped(node)}</${name}>`;
}

/** Serialises the children as markup, always escaping text (XHTML content). */
export function innerXmlEscaped(element: XmlElement): string {
  let out = '';
  for (const child of element.children) out += serialise(child);
  return out;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) =>
    char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;',
  );
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
