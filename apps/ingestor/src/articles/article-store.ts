import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TOPICS, type ArticleIngestedV1, type EncodedEvent } from '#contracts';
import { queryRows } from '#database';
import { EventProducer } from '#messaging';
import type { NormalisedArticle } from './normalised-article.js';

export interface StoreOutcome {
  created: number;
  updated: number;
  duplicates: number;
  events: { topic: typeof TOPICS.articleIngested; event: EncodedEvent }[];
}

interface ExistingArticle {
  id: string;
  feed_id: string;
  guid: string | null;
  canonical_url_hash: string | null;
  content_fingerprint: string;
  content_hash: string;
  version: number;
}

export interface FeedContext {
  id: string;
  language: string | null;
}

/**
 * Persists entries with exact-duplicate elimination across all feeds (by feed+guid, canonical
 * URL and content fingerprint) and returns the ingested events to queue in the same transaction.
 */
@Injectable()
export class ArticleStore {
  constructor(private readonly producer: EventProducer) {}

  async store(
    manager: EntityManager,
    feed: FeedContext,
    articles: NormalisedArticle[],
    fetchedAt: Date,
  ): Promise<StoreOutcome> {
    const outcome: StoreOutcome = { created: 0, updated: 0, duplicates: 0, events: [] };
    const unique = dropRepeatsWithinFetch(articles);
    outcome.duplicates += articles.length - unique.length;
    const existing = await this.findExisting(manager, feed.id, unique);
    for (const article of unique) {
      const match = matchExisting(existing, feed.id, article);
      if (!match) {
        const id = await this.insert(manager, feed, article, fetchedAt);
        if (id) {
          outcome.created += 1;
          outcome.events.push(this.event(id, 1, feed, article, fetchedAt));
        } else {
          outcome.duplicates += 1;
        }
      } else if (
        isSameEntry(match, feed.id, article) &&
        match.content_hash !== article.contentHash
      ) {
        const version = await this.update(manager, match, article, fetchedAt);
        if (version) {
          outcome.updated += 1;
          outcome.events.push(this.event(match.id, version, feed, article, fetchedAt));
        } else {
          outcome.duplicates += 1;
        }
      } else {
        outcome.duplicates += 1;
      }
    }
    return outcome;
  }

  private async findExisting(
    manager: EntityManager,
    feedId: string,
    articles: NormalisedArticle[],
  ): Promise<ExistingArticle[]> {
    if (articles.length === 0) return [];
    return manager.query(
      `SELECT id, feed_id, guid, canonical_url_hash, content_fingerprint, content_hash, version
         FROM articles
        WHERE (feed_id = $1 AND guid = ANY($2::text[]))
           OR canonical_url_hash = ANY($3::text[])
           OR content_fingerprint = ANY($4::text[])`,
      [
        feedId,
        articles.flatMap((a) => (a.guid ? [a.guid] : [])),
        articles.flatMap((a) => (a.canonicalUrlHash ? [a.canonicalUrlHash] : [])),
        articles.map((a) => a.contentFingerprint),
      ],
    );
  }

  /** Returns the new id, or null when another writer (or key) got there first. */
  private async insert(
    manager: EntityManager,
    feed: FeedContext,
    article: NormalisedArticle,
    fetchedAt: Date,
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO articles (id, feed_id, guid, url, canonical_url, canonical_url_hash,
         content_fingerprint, content_hash, version, title, summary, content_html, content_text,
         author, feed_language, categories, published_at, fetched_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        feed.id,
        article.guid,
        article.url,
        article.canonicalUrl,
        article.canonicalUrlHash,
        article.contentFingerprint,
        article.contentHash,
        article.title,
        article.summary,
        article.contentHtml,
        article.contentText,
        article.author,
        feed.language,
        article.categories,
        article.publishedAt,
        fetchedAt,
      ],
    );
    const id = rows[0]?.id;
    if (id) await this.recordVersion(manager, id, 1, article);
    return id ?? null;
  }

  /** A changed entry becomes the next version of the same article (unless it now duplicates another). */
  private async update(
    manager: EntityManager,
    match: ExistingArticle,
    article: NormalisedArticle,
    fetchedAt: Date,
  ): Promise<number | null> {
    const rows = await queryRows<{ version: number }>(
      manager,
      `UPDATE articles SET version = version + 1, title = $2, summary = $3, content_html = $4,
              content_text = $5, author = $6, categories = $7, published_at = COALESCE($8, published_at),
              content_fingerprint = $9, content_hash = $10, url = COALESCE($11, url),
              fetched_at = $12, updated_at = now()
        WHERE id = $1 AND version = $13
          AND NOT EXISTS (SELECT 1 FROM articles other WHERE other.content_fingerprint = $9 AND other.id <> $1)
        RETURNING version`,
      [
        match.id,
        article.title,
        article.summary,
        article.contentHtml,
        article.contentText,
        article.author,
        article.categories,
        article.publishedAt,
        article.contentFingerprint,
        article.contentHash,
        article.url,
        fetchedAt,
        match.version,
      ],
    );
    const version = rows[0]?.version;
    if (version) await this.recordVersion(manager, match.id, version, article);
    return version ?? null;
  }

  private async recordVersion(
    manager: EntityManager,
    articleId: string,
    version: number,
    article: NormalisedArticle,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO article_versions (article_id, version, title, content_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [articleId, version, article.title, article.contentHash],
    );
  }

  private event(
    articleId: string,
    version: number,
    feed: FeedContext,
    article: NormalisedArticle,
    fetchedAt: Date,
  ) {
    const payload: ArticleIngestedV1 = {
      articleId,
      version,
      feedId: feed.id,
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      guid: article.guid,
      title: article.title,
      summary: article.summary,
      contentHtml: article.contentHtml,
      contentText: article.contentText,
      author: article.author,
      feedLanguage: feed.language,
      categories: article.categories,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      fetchedAt: fetchedAt.toISOString(),
      contentHash: article.contentHash,
    };
    const topic = TOPICS.articleIngested;
    return { topic, event: this.producer.encode(topic, payload, articleId) };
  }
}

function dropRepeatsWithinFetch(articles: NormalisedArticle[]): NormalisedArticle[] {
  const seen = new Set<string>();
  return articles.filter((article) => {
    const keys = [
      article.guid && `g:${article.guid}`,
      article.canonicalUrlHash && `u:${article.canonicalUrlHash}`,
      `f:${article.contentFingerprint}`,
    ].filter((key): key is string => Boolean(key));
    if (keys.some((key) => seen.has(key))) return false;
    keys.forEach((key) => seen.add(key));
    return true;
  });
}

function matchExisting(
  existing: ExistingArticle[],
  feedId: string,
  article: NormalisedArticle,
): ExistingArticle | undefined {
  return (
    existing.find(
      (row) => row.feed_id === feedId && article.guid !== null && row.guid === article.guid,
    ) ??
    existing.find(
      (row) =>
        article.canonicalUrlHash !== null && row.canonical_url_hash === article.canonicalUrlHash,
    ) ??
    existing.find((row) => row.content_fingerprint === article.contentFingerprint)
  );
}

/** Only the feed that published an entry may revise it; elsewhere it is a duplicate. */
function isSameEntry(match: ExistingArticle, feedId: string, article: NormalisedArticle): boolean {
  if (match.feed_id !== feedId) return false;
  if (article.guid !== null && match.guid === article.guid) return true;
  return article.canonicalUrlHash !== null && match.canonical_url_hash === article.canonicalUrlHash;
}
