import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FeedEntity } from '#database';

export interface FeedView {
  id: string;
  url: string;
  title: string | null;
  status: string;
  nextFetchAt: string;
  lastFetchedAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  errorCount: number;
}

@Injectable()
export class FeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async subscribe(url: string, title: string | null): Promise<FeedView> {
    await this.dataSource.query(
      `INSERT INTO feeds (id, url, title) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING`,
      [randomUUID(), url, title],
    );
    const feed = await this.dataSource.getRepository(FeedEntity).findOneByOrFail({ url });
    return toView(feed);
  }

  async list(): Promise<FeedView[]> {
    const feeds = await this.dataSource
      .getRepository(FeedEntity)
      .find({ order: { createdAt: 'ASC' }, take: 1000 });
    return feeds.map(toView);
  }

  async find(id: string): Promise<FeedView | null> {
    const feed = await this.dataSource.getRepository(FeedEntity).findOneBy({ id });
    return feed ? toView(feed) : null;
  }
}

function toView(feed: FeedEntity): FeedView {
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    status: feed.status,
    nextFetchAt: feed.nextFetchAt.toISOString(),
    lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
    lastStatus: feed.lastStatus,
    lastError: feed.lastError,
    errorCount: feed.errorCount,
  };
}
