export interface OutputTopic {
  code: string;
  label: string;
}

export interface OutputArticle {
  id: string;
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Already sanitised HTML. */
  contentHtml?: string;
  author?: string;
  publishedAt: Date | string;
  updatedAt?: Date | string;
  /** ISO 639-1 / BCP 47. */
  language?: string;
  topics?: OutputTopic[];
}

export interface ChannelMeta {
  title: string;
  /** This feed's own URL (rel=self, feed_url). */
  selfUrl: string;
  /** The human-facing page (RSS link, Atom rel=alternate, home_page_url). */
  siteUrl: string;
  description: string;
  updatedAt: Date | string;
  language?: string;
}

export type FeedFormat = 'rss' | 'atom' | 'json';
