import { decodeFeedBytes } from './charset/decode-feed-bytes.js';
import { FeedParseError, type ParsedFeed } from './types.js';
import { readAtom } from './formats/atom.js';
import { readJsonFeed } from './formats/json-feed.js';
import { readRss } from './formats/rss.js';
import { readXml, type XmlElement } from './xml/xml-tree.js';

export interface ParseFeedInput {
  /** The response body after decompression; a string is taken as already decoded. */
  readonly body: Uint8Array | string;
  /** The HTTP `Content-Type` header, for its charset. */
  readonly contentType?: string;
  /** The URL the feed was fetched from: the base for relative links. */
  readonly url?: string;
}

/**
 * Decodes (any charset) and parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1
 * document into the normalised model. Throws FeedParseError when it is not a feed.
 */
export function parseFeed(input: ParseFeedInput): ParsedFeed {
  const { body, contentType, url } = input;
  const text = typeof body === 'string' ? body : decodeFeedBytes(body, contentType).text;
  return parseFeedText(text, url);
}

/** Throws FeedParseError when the document is not a feed. */
export function parseFeedText(text: string, url?: string): ParsedFeed {
  const cleaned = stripInvalidXmlChars(text);
  if (looksLikeJson(cleaned)) return readJsonFeed(cleaned, url);
  const root = rootElement(readXml(cleaned, { baseUrl: url }));
  if (!root) throw new FeedParseError('no XML root element: not a feed');
  switch (root.local.toLowerCase()) {
    case 'rss':
    case 'rdf':
    case 'channel':
      return readRss(root);
    case 'feed':
      return readAtom(root);
    default:
      throw new FeedParseError(`unrecognised root element <${root.name}>: not a feed`);
  }
}

function looksLikeJson(text: string): boolean {
  const match = /\S/.exec(text);
  return match?.[0] === '{';
}

const FEED_ROOTS: ReadonlySet<string> = new Set(['rss', 'rdf', 'channel', 'feed']);

/**
 * The first top-level feed element, past any junk before it (a PHP warning printed ahead of the
 * XML is common); else the first element, for the error message.
 */
function rootElement(document: XmlElement): XmlElement | undefined {
  let first: XmlElement | undefined;
  for (const child of document.children) {
    if (typeof child === 'string') continue;
    if (FEED_ROOTS.has(child.key)) return child;
    first ??= child;
  }
  return first;
}

/** C0 controls other than tab, LF and CR are illegal in XML and only ever garbage in feeds. */
function stripInvalidXmlChars(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)
    ? // eslint-disable-next-line no-control-regex
      text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    : text;
}
