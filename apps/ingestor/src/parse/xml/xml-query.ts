import type { NsKey } from './namespaces.js';
import type { XmlElement, XmlNode } from './xml-tree.js';

export type { NsKey } from './namespaces.js';

export function nsKey(element: XmlElement): NsKey {
  return element.nsKey;
}

/** Lower-cased lookup names, memoised: callers pass the same few constants over and over. */
const lowerNames = new Map<string, string>();

function lowerName(local: string): string {
  let lower = lowerNames.get(local);
  if (lower === undefined) {
    lower = local.toLowerCase();
    if (lowerNames.size < 1000) lowerNames.set(local, lower);
  }
  return lower;
}

const EMPTY: XmlElement[] = [];

/** All child elements named `local` (case-insensitive) in namespace `ns`. */
export function childrenNamed(element: XmlElement, ns: NsKey, local: string): XmlElement[] {
  const wanted = lowerName(local);
  let found: XmlElement[] | undefined;
  for (const child of element.children) {
    if (typeof child === 'string' || child.key !== wanted || child.nsKey !== ns) continue;
    (found ??= []).push(child);
  }
  return found ?? EMPTY;
}

export function childNamed(element: XmlElement, ns: NsKey, local: string): XmlElement | undefined {
  const wanted = lowerName(local);
  for (const child of element.children) {
    if (typeof child !== 'string' && child.key === wanted && child.nsKey === ns) return child;
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
  const { children } = element;
  for (const [ns, local] of candidates) {
    const wanted = lowerName(local);
    for (const child of children) {
      if (typeof child === 'string' || child.key !== wanted || child.nsKey !== ns) continue;
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
  // A void element cannot hold content: what a sloppy feed left "inside" an unclosed `<br>`
  // follows it instead.
  if (VOID_HTML.has(name.toLowerCase())) return `<${name}${attrs}>${innerXmlEscaped(node)}`;
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
