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
  let text = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BLOCK_ELEMENTS.has(name)) text += '\n';
      },
      ontext(chunk) {
        if (skipping === 0) text += chunk;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK_ELEMENTS.has(name)) text += '\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return normaliseWhitespace(text);
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
