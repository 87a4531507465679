import type { FeedEntry } from '../parse/types.js';
import { htmlToText } from './html-to-text.js';
import { sanitizeHtml } from './sanitize-html.js';

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
  const body = entry.content ?? entry.summary;
  const title = entry.title === undefined ? undefined : htmlToText(entry.title).replace(/\n/g, ' ');
  const result: {
    -readonly [K in keyof SanitizedEntryContent]: SanitizedEntryContent[K];
  } = { text: body === undefined ? '' : htmlToText(body) };
  if (title) result.title = title;
  if (entry.summary !== undefined) result.summaryHtml = sanitizeHtml(entry.summary, baseUrl);
  if (entry.content !== undefined) result.contentHtml = sanitizeHtml(entry.content, baseUrl);
  return result;
}
