import { ArticleEntity } from './article.entity.js';
import { FeedEntity } from './feed.entity.js';
import { OutboxEntity } from './outbox.entity.js';

export { ArticleEntity, FeedEntity, OutboxEntity };
export type { FeedStatus } from './feed.entity.js';

export const ENTITIES = [FeedEntity, ArticleEntity, OutboxEntity];
