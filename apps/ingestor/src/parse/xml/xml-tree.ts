import { decodeHTMLStrict } from 'entities';

/**
 * A tolerant, non-validating XML reader built for feeds.
 *
 * Feeds in the wild are often not well-formed (bare ampersands, HTML entities, unclosed or
 * mis-nested tags, junk after the root), so instead of rejecting them this reader recovers the
 * way a browser would: a closing tag closes the nearest matching open element, stray closers are
 * ignored and anything left open at the end is closed. DOCTYPE internal subsets are skipped, so
 * external entities and entity expansion ("billion laughs") can never happen.
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
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
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

const MAX_DEPTH = 256;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

interface Scope {
  readonly element: XmlElement;
  readonly namespaces: ReadonlyMap<string, string>;
}

/** Parses `source` into a synthetic document element whose children are the top-level nodes. */
export function readXml(source: string, options: XmlReadOptions = {}): XmlElement {
  const document = makeElement('#document', '', {}, options.baseUrl, undefined);
  const initialNamespaces = new Map<string, string>([['xml', XML_NS]]);
  const stack: Scope[] = [{ element: document, namespaces: initialNamespaces }];
  let position = 0;
  while (position < source.length) {
    const lt = source.indexOf('<', position);
    if (lt === -1) {
      appendText(stack, source.slice(position));
      break;
    }
    if (lt > position) appendText(stack, source.slice(position, lt));
    position = readMarkup(source, lt, stack);
  }
  return document;
}

function readMarkup(source: string, lt: number, stack: Scope[]): number {
  const next = source.charCodeAt(lt + 1);
  if (next === 0x21 /* ! */) return readDeclaration(source, lt, stack);
  if (next === 0x3f /* ? */) return skipPast(source, lt + 2, '?>');
  if (next === 0x2f /* / */) return readClosingTag(source, lt, stack);
  if (isNameStart(next)) return readOpeningTag(source, lt, stack);
  appendText(stack, '<');
  return lt + 1;
}

function readDeclaration(source: string, lt: number, stack: Scope[]): number {
  if (source.startsWith('<!--', lt)) return skipPast(source, lt + 4, '-->');
  if (source.startsWith('<![CDATA[', lt)) {
    const end = source.indexOf(']]>', lt + 9);
    const stop = end === -1 ? source.length : end;
    appendRawText(stack, source.slice(lt + 9, stop));
    return end === -1 ? source.length : end + 3;
  }
  return skipDoctype(source, lt + 2);
}

/** Skips `<!DOCTYPE …>` including an internal subset; its entity declarations are ignored. */
function skipDoctype(source: string, from: number): number {
  let inSubset = false;
  for (let index = from; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 0x5b /* [ */) inSubset = true;
    else if (code === 0x5d /* ] */) inSubset = false;
    else if (code === 0x3e /* > */ && !inSubset) return index + 1;
  }
  return source.length;
}

function skipPast(source: string, from: number, terminator: string): number {
  const end = source.indexOf(terminator, from);
  return end === -1 ? source.length : end + terminator.length;
}

function readClosingTag(source: string, lt: number, stack: Scope[]): number {
  const gt = source.indexOf('>', lt + 2);
  const end = gt === -1 ? source.length : gt;
  const name = source.slice(lt + 2, end).trim();
  for (let depth = stack.length - 1; depth > 0; depth--) {
    if (stack[depth]!.element.name === name) {
      stack.length = depth;
      break;
    }
  }
  return gt === -1 ? source.length : gt + 1;
}

function readOpeningTag(source: string, lt: number, stack: Scope[]): number {
  let index = lt + 1;
  while (index < source.length && isNameChar(source.charCodeAt(index))) index++;
  const name = source.slice(lt + 1, index);
  const attrs: Record<string, string> = {};
  const end = readAttributes(source, index, attrs);
  const selfClosing = source.charCodeAt(end - 2) === 0x2f; /* / */
  openElement(stack, name, attrs, selfClosing);
  return end;
}

/** Reads attributes up to the closing `>`; returns the index just past it. */
function readAttributes(source: string, from: number, attrs: Record<string, string>): number {
  let index = from;
  while (index < source.length) {
    const code = source.charCodeAt(index);
    if (code === 0x3e /* > */) return index + 1;
    if (!isNameStart(code)) {
      index++;
      continue;
    }
    const nameStart = index;
    while (index < source.length && isNameChar(source.charCodeAt(index))) index++;
    const attrName = source.slice(nameStart, index);
    index = skipSpaces(source, index);
    if (source.charCodeAt(index) !== 0x3d /* = */) {
      attrs[attrName] ??= '';
      continue;
    }
    index = skipSpaces(source, index + 1);
    const [value, after] = readAttributeValue(source, index);
    attrs[attrName] ??= decodeEntities(value);
    index = after;
  }
  return source.length;
}

function readAttributeValue(source: string, from: number): [string, number] {
  const quote = source.charCodeAt(from);
  if (quote === 0x22 || quote === 0x27) {
    const close = source.indexOf(quote === 0x22 ? '"' : "'", from + 1);
    if (close === -1) return [source.slice(from + 1), source.length];
    return [source.slice(from + 1, close), close + 1];
  }
  let index = from;
  while (index < source.length) {
    const code = source.charCodeAt(index);
    if (code === 0x3e || isSpace(code)) break;
    index++;
  }
  return [source.slice(from, index), index];
}

function openElement(
  stack: Scope[],
  name: string,
  attrs: Record<string, string>,
  selfClosing: boolean,
): void {
  const parent = stack[stack.length - 1]!;
  const namespaces = declareNamespaces(parent.namespaces, attrs);
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = colon === -1 ? name : name.slice(colon + 1);
  const ns = namespaces.get(prefix) ?? (prefix ? `${prefix}:` : '');
  const declaredBase = attrs['xml:base'];
  const base = resolveBase(parent.element.base, declaredBase);
  const lang = attrs['xml:lang'] ?? parent.element.lang;
  const explicitBase = parent.element.explicitBase || declaredBase !== undefined;
  const element = makeElement(name, local, attrs, base, lang, ns, explicitBase);
  parent.element.children.push(element);
  if (!selfClosing && stack.length < MAX_DEPTH) stack.push({ element, namespaces });
}

function declareNamespaces(
  inherited: ReadonlyMap<string, string>,
  attrs: Record<string, string>,
): ReadonlyMap<string, string> {
  let declared: Map<string, string> | undefined;
  for (const key in attrs) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    declared ??= new Map(inherited);
    declared.set(key === 'xmlns' ? '' : key.slice(6), attrs[key]!.trim());
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
  attrs: Record<string, string>,
  base: string | undefined,
  lang: string | undefined,
  ns = '',
  explicitBase = false,
): XmlElement {
  return {
    name,
    local,
    key: local.toLowerCase(),
    ns,
    attrs,
    children: [],
    base,
    explicitBase,
    lang,
  };
}

function appendText(stack: Scope[], raw: string): void {
  appendRawText(stack, decodeEntities(raw));
}

function appendRawText(stack: Scope[], text: string): void {
  const children = stack[stack.length - 1]!.element.children;
  const last = children.length - 1;
  if (last >= 0 && typeof children[last] === 'string') children[last] += text;
  else children.push(text);
}

/**
 * Decodes XML and HTML entities. Strict mode keeps `&copy=2` in a URL intact; a bare `&` is
 * kept as it is rather than aborting the parse.
 */
export function decodeEntities(raw: string): string {
  return raw.includes('&') ? decodeHTMLStrict(raw) : raw;
}

function skipSpaces(source: string, from: number): number {
  let index = from;
  while (index < source.length && isSpace(source.charCodeAt(index))) index++;
  return index;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function isNameStart(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x5f ||
    code === 0x3a ||
    code > 0x7f
  );
}

function isNameChar(code: number): boolean {
  return (
    isNameStart(code) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d /* - */ ||
    code === 0x2e /* . */
  );
}
