import { z } from 'zod';
import { isoDateTime, uuid } from './common.js';

/** The normalised, sanitised article as stored by the ingestor (one version of it). */
export const articleIngestedV1 = z.object({
  articleId: uuid,
  version: z.number().int().min(1),
  feedId: uuid,
  url: z.string().url().nullable(),
  canonicalUrl: z.string().url().nullable(),
  guid: z.string().max(2048).nullable(),
  title: z.string().max(2000),
  summary: z.string().max(20000),
  contentHtml: z.string().max(2_000_000),
  contentText: z.string().max(2_000_000),
  author: z.string().max(500).nullable(),
  feedLanguage: z.string().max(35).nullable(),
  categories: z.array(z.string().max(200)).max(100),
  publishedAt: isoDateTime.nullable(),
  fetchedAt: isoDateTime,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ArticleIngestedV1 = z.infer<typeof articleIngestedV1>;
