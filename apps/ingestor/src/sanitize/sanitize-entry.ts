import type { FeedEntry } from '../parse/types.js';
import { Parser } from 'htmlparser2';
import { HTML_PARSER_OPTIONS, htmlToText, TextCollector } from './html-to-text.js';
import { SafeHtmlWriter, sanitizeHtml } from './sanitize-html.js';

export interface SanitizedEntryContent {
  /** Plain-text title (feeds put escaped markup and entities in titles). */
  readonly title?: string;
  /** Safe HTML to display. */
  readonly summaryHtml?: string;
  readonly contentHtml?: string;
  /** Plain text of the fullest body available, for the classifier and search. */
  readonly text: string;
}

export function sanitizeEntryContent(entry: FeedEntry): SanitizedEntryContent {
  const baseUrl = entry.baseUrl ?? entry.link;
  const { summary, content } = entry;
  const title = entry.title === undefined ? undefined : htmlToText(entry.title).replace(/\n/g, ' ');
  // The fullest body is parsed once for both its safe HTML and its text.
  const [bodyHtml, text] =
    content !== undefined
      ? safeHtmlAndText(content, baseUrl)
      : summary !== undefined
        ? safeHtmlAndText(summary, baseUrl)
        : [undefined, ''];
  const result: {
    -readonly [K in keyof SanitizedEntryContent]: SanitizedEntryContent[K];
  } = { text };
  if (title) result.title = title;
  if (summary !== undefined)
    result.summaryHtml = content === undefined ? bodyHtml : sanitizeHtml(summary, baseUrl);
  if (content !== undefined) result.contentHtml = bodyHtml;
  return result;
}

/** `[sanitizeHtml(html, baseUrl), htmlToText(html)]` from a single parse. */
function safeHtmlAndText(html: string, baseUrl: string | undefined): [string, string] {
  const writer = new SafeHtmlWriter(baseUrl);
  const collector = new TextCollector();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        writer.onopentag(name, attributes);
        collector.onopentag(name);
      },
      ontext(chunk) {
        writer.ontext(chunk);
        collector.ontext(chunk);
      },
      onclosetag(name) {
        writer.onclosetag(name);
        collector.onclosetag(name);
      },
    },
    HTML_PARSER_OPTIONS,
  );
  parser.end(html);
  return [writer.result(), collector.result()];
}
