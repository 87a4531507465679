import { Parser } from 'htmlparser2';
import { DROPPED_WITH_CONTENT } from './html-policy.js';

/** Elements whose content is never readable text (iframe content is fallback markup). */
const SKIPPED = new Set([...DROPPED_WITH_CONTENT, 'iframe']);

const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
]);

/**
 * Plain text for the classifier and search: entities decoded, scripts and styles dropped,
 * paragraphs and line breaks kept as single newlines, runs of spaces collapsed.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return normaliseWhitespace(html);
  const collector = new TextCollector();
  new Parser(collector, HTML_PARSER_OPTIONS).end(html);
  return collector.result();
}

/** Options shared by every htmlparser2 pass here, so one pass can feed several handlers. */
export const HTML_PARSER_OPTIONS = {
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
} as const;

/** htmlparser2 handler that gathers the readable text of a document. */
export class TextCollector {
  private text = '';
  private skipping = 0;

  onopentag(name: string): void {
    if (SKIPPED.has(name)) this.skipping++;
    else if (BLOCK_ELEMENTS.has(name)) this.text += '\n';
  }

  ontext(chunk: string): void {
    if (this.skipping === 0) this.text += chunk;
  }

  onclosetag(name: string): void {
    if (SKIPPED.has(name)) this.skipping = Math.max(0, this.skipping - 1);
    else if (BLOCK_ELEMENTS.has(name)) this.text += '\n';
  }

  result(): string {
    return normaliseWhitespace(this.text);
  }
}

/**
 * Each line's runs of whitespace become one space, lines are trimmed and empty ones dropped: a
 * whitespace run holding a line break becomes that one break, any other run one space.
 */
function normaliseWhitespace(text: string): string {
  return text.replace(BREAKING_RUN, '\n').replace(SPACE_RUN, ' ').trim();
}

const BREAKING_RUN = /[^\S\n]*\n\s*/g;
const SPACE_RUN = /[^\S\n]+/g;
