import { z } from 'zod';
import { isoDateTime, uuid } from './common.js';

/**
 * A feed was unsubscribed: its articles, their enrichments and search documents are gone.
 * Services that keep anything of it in memory (the api's result caches) drop it.
 */
export const feedRemovedV1 = z.object({
  feedId: uuid,
  url: z.string().url(),
  articlesRemoved: z.number().int().min(0),
  removedAt: isoDateTime,
});

export type FeedRemovedV1 = z.infer<typeof feedRemovedV1>;
