import { articleUri, rfc3339, stripInvalidXmlChars } from './text.js';
import type { ChannelMeta, OutputArticle } from './types.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

function item(article: OutputArticle, channel: ChannelMeta): Record<string, unknown> {
  const content = article.contentHtml
    ? { content_html: article.contentHtml }
    : { content_text: article.summary };
  return {
    id: articleUri(article.id, channel.siteUrl),
    url: article.url,
    title: article.title,
    summary: article.summary,
    ...content,
    date_published: rfc3339(article.publishedAt, 'publishedAt'),
    date_modified: article.updatedAt ? rfc3339(article.updatedAt, 'updatedAt') : undefined,
    authors: article.author ? [{ name: article.author }] : undefined,
    language: article.language,
    tags: article.topics?.length ? article.topics.map((t) => t.label) : undefined,
  };
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Control characters are dropped here too. */
export function renderJsonFeed(channel: ChannelMeta, articles: readonly OutputArticle[]): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.siteUrl,
    feed_url: channel.selfUrl,
    description: channel.description,
    language: channel.language,
    items: articles.map((article) => item(article, channel)),
  };
  return `${JSON.stringify(feed, (_key, value: unknown) =>
    typeof value === 'string' ? stripInvalidXmlChars(value) : value,
  )}\n`;
}
