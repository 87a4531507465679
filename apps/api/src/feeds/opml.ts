import { XMLParser } from 'fast-xml-parser';
import { checkFeedUrl } from './feed-url.js';

export interface OpmlFeed {
  url: string;
  title?: string;
  siteUrl?: string;
  category?: string;
}

export interface OpmlInvalid {
  url: string;
  reason: string;
}

export interface ParsedOpml {
  title?: string;
  feeds: OpmlFeed[];
  /** Outlines that name a feed but cannot be subscribed, with why. */
  invalid: OpmlInvalid[];
  /** Outlines repeating a feed URL already listed earlier in the same document. */
  repeated: number;
}

/** The document itself is unusable (not XML, not OPML, too big, a DOCTYPE). */
export class OpmlError extends Error {}

export interface OpmlLimits {
  maxOutlines: number;
  maxDepth: number;
}

const DEFAULT_LIMITS: OpmlLimits = { maxOutlines: 100_000, maxDepth: 32 };

type Outline = Record<string, unknown> & { outline?: Outline[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
  htmlEntities: true,
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'outline',
});

const attr = (outline: Outline, name: string): string | undefined => {
  const value = outline[name] ?? outline[name.toLowerCase()];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const clip = (value: string | undefined, max: number) => value?.slice(0, max);

function readXml(xml: string): {
  opml?: { head?: { title?: unknown }; body?: { outline?: Outline[] } };
} {
  // OPML never needs a DTD; refusing one rules out entity expansion of any kind.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new OpmlError('OPML with a DOCTYPE is not accepted');
  try {
    return parser.parse(xml, true) as ReturnType<typeof readXml>;
  } catch (error) {
    throw new OpmlError(`not well-formed XML: ${(error as Error).message}`);
  }
}

/**
 * The feeds an OPML 1.0/2.0 subscription list names: every outline with an `xmlUrl`, at any depth,
 * with the enclosing folder's text as its category. Invalid URLs are reported, not dropped
 * silently; repeats of one URL within the document count once.
 */
export function parseOpml(xml: string, limits: Partial<OpmlLimits> = {}): ParsedOpml {
  const { maxOutlines, maxDepth } = { ...DEFAULT_LIMITS, ...limits };
  const document = readXml(xml);
  if (!document.opml || typeof document.opml !== 'object')
    throw new OpmlError('the document has no <opml> root element');
  const result: ParsedOpml = { feeds: [], invalid: [], repeated: 0 };
  const title = document.opml.head?.title;
  if (typeof title === 'string' && title.trim()) result.title = title.trim();
  const seen = new Set<string>();
  let count = 0;
  const visit = (outlines: Outline[] | undefined, category: string | undefined, depth: number) => {
    if (depth > maxDepth) throw new OpmlError(`outlines nested deeper than ${maxDepth} levels`);
    for (const outline of outlines ?? []) {
      if ((count += 1) > maxOutlines) throw new OpmlError(`more than ${maxOutlines} outlines`);
      const xmlUrl = attr(outline, 'xmlUrl');
      const text = attr(outline, 'text') ?? attr(outline, 'title');
      if (xmlUrl !== undefined) {
        const checked = checkFeedUrl(xmlUrl);
        if (!checked.ok)
          result.invalid.push({ url: xmlUrl.slice(0, 2048), reason: checked.reason });
        else if (seen.has(checked.url)) result.repeated += 1;
        else {
          seen.add(checked.url);
          const siteUrl = attr(outline, 'htmlUrl');
          const outlineCategory = attr(outline, 'category') ?? category;
          result.feeds.push({
            url: checked.url,
            ...(text ? { title: clip(text, 500) } : {}),
            ...(siteUrl && checkFeedUrl(siteUrl).ok ? { siteUrl: clip(siteUrl, 2048) } : {}),
            ...(outlineCategory ? { category: clip(outlineCategory, 200) } : {}),
          });
        }
      } else if (/^(rss|atom)$/i.test(attr(outline, 'type') ?? '')) {
        result.invalid.push({ url: '', reason: `feed outline "${text ?? ''}" has no xmlUrl` });
      }
      visit(outline.outline, xmlUrl === undefined ? (text ?? category) : category, depth + 1);
    }
  };
  visit(document.opml.body?.outline, undefined, 1);
  return result;
}

const escapeXml = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in XML 1.0
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export interface OpmlExportFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
}

/** An OPML 2.0 subscription list of `feeds`. */
export function renderOpml(
  feeds: readonly OpmlExportFeed[],
  title: string,
  now = new Date(),
): string {
  const lines = feeds.map((feed) => {
    const text = escapeXml(feed.title ?? feed.url);
    const site = feed.siteUrl ? ` htmlUrl="${escapeXml(feed.siteUrl)}"` : '';
    return `    <outline type="rss" text="${text}" title="${text}" xmlUrl="${escapeXml(feed.url)}"${site}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
