import { articleUri, attrs, element, newestDate, rfc3339 } from './text.js';
import type { ChannelMeta, OutputArticle } from './types.js';

function link(href: string, rel: string, type?: string): string {
  return `<link${attrs({ rel, type, href })}/>`;
}

function entry(article: OutputArticle, channel: ChannelMeta): string {
  const updated = article.updatedAt ?? article.publishedAt;
  return [
    `<entry${attrs({ 'xml:lang': article.language })}>`,
    element('id', articleUri(article.id, channel.siteUrl)),
    element('title', article.title, { type: 'text' }),
    link(article.url, 'alternate', 'text/html'),
    element('published', rfc3339(article.publishedAt, 'publishedAt')),
    element('updated', rfc3339(updated, 'updatedAt')),
    article.author ? `<author>${element('name', article.author)}</author>` : '',
    ...(article.topics ?? []).map((t) => `<category${attrs({ term: t.code, label: t.label })}/>`),
    element('summary', article.summary, { type: 'text' }),
    element('content', article.contentHtml, { type: 'html' }),
    '</entry>',
  ].join('');
}

/**
 * Atom 1.0 (RFC 4287). The feed-level author satisfies "every entry has an author" for
 * entries without one; feed `updated` is the newest of the channel's and the entries' dates.
 */
export function renderAtom(channel: ChannelMeta, articles: readonly OutputArticle[]): string {
  const updated = newestDate([
    channel.updatedAt,
    ...articles.map((a) => a.updatedAt ?? a.publishedAt),
  ]) as Date;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<feed${attrs({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': channel.language })}>`,
    element('id', channel.selfUrl),
    element('title', channel.title, { type: 'text' }),
    element('subtitle', channel.description, { type: 'text' }),
    element('updated', rfc3339(updated)),
    link(channel.selfUrl, 'self', 'application/atom+xml'),
    link(channel.siteUrl, 'alternate', 'text/html'),
    `<author>${element('name', channel.title)}</author>`,
    element('generator', 'newsfeed'),
    ...articles.map((article) => entry(article, channel)),
    '</feed>\n',
  ].join('');
}
