import { z } from 'zod';
import { languageCode, uuid } from './common.js';
import { articleIngestedV1 } from './article-ingested.js';

export const topicScore = z.object({
  code: z.string().regex(/^medtop:\d{8}$/, 'an IPTC Media Topic code like medtop:11000000'),
  label: z.string(),
  score: z.number().min(0).max(1),
});

export const countryMention = z.object({
  code: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
  name: z.string(),
  score: z.number().min(0).max(1),
});

export const cityMention = z.object({
  geonameId: z.number().int().positive(),
  name: z.string(),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  score: z.number().min(0).max(1),
});

export const entityMention = z.object({
  name: z.string(),
  type: z.enum(['person', 'organisation', 'other']),
  canonical: z.string().optional(),
});

/** The ingested article plus everything the classifier understood about it. */
export const articleClassifiedV1 = articleIngestedV1.extend({
  language: z.object({ code: languageCode, confidence: z.number().min(0).max(1) }),
  topics: z.array(topicScore).max(50),
  places: z.object({
    countries: z.array(countryMention).max(100),
    cities: z.array(cityMention).max(100),
  }),
  entities: z.array(entityMention).max(200),
  simhash: z.string().regex(/^[0-9a-f]{16}$/, '64-bit SimHash as 16 hex digits'),
  storyId: uuid.nullable(),
  nearDuplicateOf: uuid.nullable(),
  classifierVersion: z.string().min(1),
});

export type ArticleClassifiedV1 = z.infer<typeof articleClassifiedV1>;
