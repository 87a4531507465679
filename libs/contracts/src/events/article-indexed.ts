import { z } from 'zod';
import { isoDateTime, languageCode, uuid } from './common.js';

export const articleIndexedV1 = z.object({
  articleId: uuid,
  version: z.number().int().min(1),
  engine: z.string().min(1),
  textSearchConfig: z.string().min(1),
  language: languageCode,
  indexedAt: isoDateTime,
  /** When the ingestor fetched the entry: lets subscribers measure fetch-to-searchable latency. */
  fetchedAt: isoDateTime,
});

export type ArticleIndexedV1 = z.infer<typeof articleIndexedV1>;
