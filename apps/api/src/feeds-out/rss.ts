import { articleUri, attrs, element, rfc822 } from './text.js';
import type { ChannelMeta, OutputArticle } from './types.js';

const NAMESPACES = {
  version: '2.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
};

function item(article: OutputArticle, channel: ChannelMeta): string {
  return [
    '<item>',
    element('title', article.title),
    element('link', article.url),
    element('description', article.summary),
    element('content:encoded', article.contentHtml),
    // RSS <author> must be an e-mail address; a name goes in dc:creator.
    element('dc:creator', article.author),
    ...(article.topics ?? []).map((t) => element('category', t.label, { domain: t.code })),
    element('guid', articleUri(article.id, channel.siteUrl), { isPermaLink: 'false' }),
    element('pubDate', rfc822(article.publishedAt, 'publishedAt')),
    '</item>',
  ].join('');
}

/** RSS 2.0 (https://www.rssboard.org/rss-specification) with atom:link rel="self". */
export function renderRss(channel: ChannelMeta, articles: readonly OutputArticle[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<rss${attrs(NAMESPACES)}><channel>`,
    element('title', channel.title),
    element('link', channel.siteUrl),
    element('description', channel.description),
    `<atom:link${attrs({ href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' })}/>`,
    element('language', channel.language),
    element('lastBuildDate', rfc822(channel.updatedAt, 'updatedAt')),
    element('generator', 'newsfeed'),
    ...articles.map((article) => item(article, channel)),
    '</channel></rss>\n',
  ].join('');
}
