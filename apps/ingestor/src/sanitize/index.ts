export { sanitizeHtml, safeUrl } from './sanitize-html.js';
export { htmlToText } from './html-to-text.js';
export { sanitizeEntryContent, type SanitizedEntryContent } from './sanitize-entry.js';
