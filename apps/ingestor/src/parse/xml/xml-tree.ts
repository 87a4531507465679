import { decodeHTMLStrict } from 'entities';
import { namespaceKey, type NsKey } from './namespaces.js';
import { internName, MAX_SHARED_SPACE, sharedSpace, type QName } from './names.js';
import {
  attributeValue,
  closes,
  isNameChar,
  isNameStart,
  isSpace,
  skipDoctype,
  skipPast,
  skipSpaces,
  valueEnd,
} from './scan.js';

/**
 * A tolerant, non-validating XML reader built for feeds.
 *
 * Feeds in the wild are often not well-formed (bare ampersands, HTML entities, unclosed or
 * mis-nested tags, junk after the root), so instead of rejecting them this reader recovers the
 * way a browser would: a closing tag closes the nearest matching open element, stray closers are
 * ignored and anything left open at the end is closed. DOCTYPE internal subsets are skipped, so
 * external entities and entity expansion ("billion laughs") can never happen.
 *
 * It is also the hot path of feed parsing, so it avoids allocating what repeats: element and
 * attribute names are interned (one string per distinct name, with its local part, lower-case
 * key and namespace resolution memoised), indentation-only text runs are shared, elements
 * without attributes share one empty record, and no tuples or scope objects are built per tag.
 */

export type XmlNode = XmlElement | string;

export interface XmlElement {
  /** Qualified name as written, e.g. `content:encoded`. */
  readonly name: string;
  /** Local part of the name, e.g. `encoded`. */
  readonly local: string;
  /** `local` in lower case, for the case-insensitive lookups feeds need (`pubdate`, `pubDate`). */
  readonly key: string;
  /** Namespace URI, or `prefix:` when the prefix was never declared, `''` when none. */
  readonly ns: string;
  /** `ns` classified into the short keys the format readers ask for. */
  readonly nsKey: NsKey;
  readonly attrs: Readonly<Record<string, string>>;
  /** Read-only: elements without children share one empty array. */
  readonly children: readonly XmlNode[];
  /** Effective xml:base (absolute) in scope for this element, if known. */
  readonly base: string | undefined;
  /** True when an xml:base attribute (here or on an ancestor) set `base`. */
  readonly explicitBase: boolean;
  /** Effective xml:lang in scope for this element, if any. */
  readonly lang: string | undefined;
}

export interface XmlReadOptions {
  /** Absolute URL the document came from: the base for relative references. */
  readonly baseUrl?: string;
}

type Namespaces = ReadonlyMap<string, string>;

const MAX_DEPTH = 256;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const INITIAL_NAMESPACES: Namespaces = new Map([['xml', XML_NS]]);
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** Parses `source` into a synthetic document element whose children are the top-level nodes. */
export function readXml(source: string, options: XmlReadOptions = {}): XmlElement {
  const reader = new XmlReader(source, options.baseUrl);
  reader.read();
  return reader.document;
}

class XmlReader {
  readonly document: XmlElement;
  /** Open elements and their namespace scopes; index 0 is the document. */
  private readonly open: XmlElement[];
  private readonly scopes: Namespaces[];
  private depth = 0;
  private position = 0;

  constructor(
    private readonly source: string,
    baseUrl: string | undefined,
  ) {
    this.document = makeElement('#document', '', '', '', NO_ATTRIBUTES, baseUrl, false, undefined);
    this.open = [this.document];
    this.scopes = [INITIAL_NAMESPACES];
  }

  read(): void {
    const { source } = this;
    while (this.position < source.length) {
      const lt = source.indexOf('<', this.position);
      if (lt === -1) {
        this.text(this.position, source.length);
        break;
      }
      if (lt > this.position) this.text(this.position, lt);
      this.position = this.markup(lt);
    }
  }

  private markup(lt: number): number {
    const next = this.source.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) return this.declaration(lt);
    if (next === 0x3f /* ? */) return skipPast(this.source, lt + 2, '?>');
    if (next === 0x2f /* / */) return this.closingTag(lt);
    if (isNameStart(next)) return this.openingTag(lt);
    this.append('<');
    return lt + 1;
  }

  private declaration(lt: number): number {
    const { source } = this;
    if (source.startsWith('<!--', lt)) return skipPast(source, lt + 4, '-->');
    if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      const stop = end === -1 ? source.length : end;
      this.append(source.slice(lt + 9, stop));
      return end === -1 ? source.length : end + 3;
    }
    return skipDoctype(source, lt + 2);
  }

  private closingTag(lt: number): number {
    const { source } = this;
    const gt = source.indexOf('>', lt + 2);
    const end = gt === -1 ? source.length : gt;
    // Well-formed documents close the innermost element: check it without building the name.
    if (this.depth > 0 && closes(source, lt + 2, end, this.open[this.depth]!.name)) {
      this.depth--;
    } else {
      const name = source.slice(lt + 2, end).trim();
      const depth = this.openDepthOf(name) ?? this.openDepthOf(name.toLowerCase(), true);
      if (depth !== undefined) this.depth = depth - 1;
    }
    return gt === -1 ? source.length : gt + 1;
  }

  /** The innermost open element called `name` (`</Item>` closes `<item>` if nothing else does). */
  private openDepthOf(name: string, ignoreCase = false): number | undefined {
    for (let depth = this.depth; depth > 0; depth--) {
      const open = this.open[depth]!.name;
      if ((ignoreCase ? open.toLowerCase() : open) === name) return depth;
    }
    return undefined;
  }

  /**
   * Feed items never nest, so an `<item>` (or `<entry>`) that starts while one is open means the
   * open one was never closed: close it first, so both stay entries instead of one swallowing
   * the rest of the feed. (A self-closed `<item/>` inside an item is junk, not a new entry.)
   */
  private closeUnclosedSibling(qname: QName): void {
    if (!qname.siblingOnly) return;
    for (let depth = this.depth; depth > 0; depth--) {
      if (this.open[depth]!.name === qname.name) {
        this.depth = depth - 1;
        return;
      }
    }
  }

  private openingTag(lt: number): number {
    const { source } = this;
    let index = lt + 1;
    let hash = 0;
    for (; index < source.length; index++) {
      const code = source.charCodeAt(index);
      if (!isNameChar(code)) break;
      hash = (Math.imul(hash, 31) + code) | 0;
    }
    const qname = internName(source, lt + 1, index, hash);
    const end = this.attributes(index);
    const attrs = parsedAttributes;
    const declaresNamespace = sawNamespaceDeclaration;
    parsedAttributes = NO_ATTRIBUTES;
    sawNamespaceDeclaration = false;
    const selfClosing = source.charCodeAt(end - 2) === 0x2f; /* / */
    this.openElement(qname, attrs, selfClosing, declaresNamespace);
    return end;
  }

  /** Reads attributes into `parsedAttributes` up to the closing `>`; returns the index past it. */
  private attributes(from: number): number {
    const { source } = this;
    let attrs: Record<string, string> | undefined;
    let index = from;
    while (index < source.length) {
      const code = source.charCodeAt(index);
      if (code === 0x3e /* > */) {
        if (attrs) parsedAttributes = attrs;
        return index + 1;
      }
      if (!isNameStart(code)) {
        index++;
        continue;
      }
      const nameStart = index;
      let hash = 0;
      for (; index < source.length; index++) {
        const nameCode = source.charCodeAt(index);
        if (!isNameChar(nameCode)) break;
        hash = (Math.imul(hash, 31) + nameCode) | 0;
      }
      const attrName = internName(source, nameStart, index, hash).name;
      if (attrName.startsWith('xmlns')) sawNamespaceDeclaration = true;
      attrs ??= {};
      index = skipSpaces(source, index);
      if (source.charCodeAt(index) !== 0x3d /* = */) {
        attrs[attrName] ??= '';
        continue;
      }
      index = skipSpaces(source, index + 1);
      const value = attributeValue(source, index);
      attrs[attrName] ??= decodeEntities(value);
      index = valueEnd;
    }
    if (attrs) parsedAttributes = attrs;
    return source.length;
  }

  private openElement(
    qname: QName,
    attrs: Readonly<Record<string, string>>,
    selfClosing: boolean,
    declaresNamespace: boolean,
  ) {
    if (!selfClosing) this.closeUnclosedSibling(qname);
    const parent = this.open[this.depth]!;
    const hasAttributes = attrs !== NO_ATTRIBUTES;
    const parentScope = this.scopes[this.depth]!;
    const scope = declaresNamespace ? declareNamespaces(parentScope, attrs) : parentScope;
    if (qname.scope !== scope) {
      qname.ns = scope.get(qname.prefix) ?? (qname.prefix ? `${qname.prefix}:` : '');
      qname.nsKey = namespaceKey(qname.ns);
      qname.scope = scope;
    }
    let { base, lang, explicitBase } = parent;
    if (hasAttributes) {
      const declaredBase = attrs['xml:base'];
      base = resolveBase(base, declaredBase);
      lang = attrs['xml:lang'] ?? lang;
      explicitBase ||= declaredBase !== undefined;
    }
    const element = makeElement(
      qname.name,
      qname.local,
      qname.key,
      qname.ns,
      attrs,
      base,
      explicitBase,
      lang,
      qname.nsKey,
    );
    addChild(parent, element);
    if (selfClosing || this.depth + 1 >= MAX_DEPTH) return;
    this.depth++;
    this.open[this.depth] = element;
    this.scopes[this.depth] = scope;
  }

  /** Character data between `start` and `end`: entities decoded, indentation shared. */
  private text(start: number, end: number): void {
    const { source } = this;
    if (end - start <= MAX_SHARED_SPACE) {
      let hash = 0;
      let index = start;
      for (; index < end; index++) {
        const code = source.charCodeAt(index);
        if (!isSpace(code)) break;
        hash = (Math.imul(hash, 31) + code) | 0;
      }
      if (index === end) return this.append(sharedSpace(source, start, end, hash));
    }
    this.append(decodeEntities(source.slice(start, end)));
  }

  private append(text: string): void {
    const element = this.open[this.depth]!;
    const children = element.children as XmlNode[];
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] += text;
    else addChild(element, text);
  }
}

/** Side results of the attribute scanners, so no tuple is allocated per tag or attribute. */
let parsedAttributes: Readonly<Record<string, string>> = NO_ATTRIBUTES;
let sawNamespaceDeclaration = false;

function declareNamespaces(
  inherited: Namespaces,
  attrs: Readonly<Record<string, string>>,
): Namespaces {
  // Some feeds repeat their declarations on every element: only a real change makes a new scope,
  // so the per-name namespace memo keeps hitting.
  let declared: Map<string, string> | undefined;
  for (const key in attrs) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    const prefix = key === 'xmlns' ? '' : key.slice(6);
    const uri = attrs[key]!.trim();
    if ((declared ?? inherited).get(prefix) === uri) continue;
    declared ??= new Map(inherited);
    declared.set(prefix, uri);
  }
  return declared ?? inherited;
}

function resolveBase(
  parentBase: string | undefined,
  declared: string | undefined,
): string | undefined {
  if (declared === undefined) return parentBase;
  try {
    return new URL(declared.trim(), parentBase).href;
  } catch {
    return parentBase;
  }
}

function makeElement(
  name: string,
  local: string,
  key: string,
  ns: string,
  attrs: Readonly<Record<string, string>>,
  base: string | undefined,
  explicitBase: boolean,
  lang: string | undefined,
  nsKey: NsKey = '',
): XmlElement {
  return { name, local, key, ns, nsKey, attrs, children: NO_CHILDREN, base, explicitBase, lang };
}

/**
 * Most elements hold one text node or nothing: they share this empty array until their first
 * child, which gets an array of exactly one slot (an empty array grows to 17 on its first push).
 */
const NO_CHILDREN: readonly XmlNode[] = [];

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function addChild(element: XmlElement, node: XmlNode): void {
  if (element.children === NO_CHILDREN) (element as Writable<XmlElement>).children = [node];
  else (element.children as XmlNode[]).push(node);
}

/**
 * Decodes XML and HTML entities. Strict mode keeps `&copy=2` in a URL intact; a bare `&` is
 * kept as it is rather than aborting the parse.
 */
export function decodeEntities(raw: string): string {
  return raw.includes('&') ? decodeHTMLStrict(raw) : raw;
}
