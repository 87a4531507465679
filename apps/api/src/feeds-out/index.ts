import { renderAtom } from './atom.js';
import { renderJsonFeed } from './json-feed.js';
import { renderRss } from './rss.js';
import type { ChannelMeta, FeedFormat, OutputArticle } from './types.js';

export type { ChannelMeta, FeedFormat, OutputArticle, OutputTopic } from './types.js';
export { renderAtom } from './atom.js';
export { renderJsonFeed, JSON_FEED_VERSION } from './json-feed.js';
export { renderRss } from './rss.js';
export { escapeXml, stripInvalidXmlChars, rfc822, rfc3339, articleUri } from './text.js';
export {
  etagOf,
  weakEtagOf,
  httpDate,
  isNotModified,
  cacheHeaders,
  type ConditionalRequest,
  type Representation,
} from './conditional.js';

export const CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const RENDERERS = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } as const;

export function renderFeed(
  format: FeedFormat,
  channel: ChannelMeta,
  articles: readonly OutputArticle[],
): { body: string; contentType: string } {
  return { body: RENDERERS[format](channel, articles), contentType: CONTENT_TYPES[format] };
}
