import { z } from 'zod';
import { DEFAULT_PORTS, serviceEnvSchema } from '#config';

export const indexerEnvSchema = serviceEnvSchema(DEFAULT_PORTS.indexer, {
  /** Characters of body text indexed per article (tsvector has a 1 MB limit; ranking gains little beyond). */
  INDEX_MAX_BODY_CHARS: z.coerce.number().int().min(1000).max(1_000_000).default(100_000),
  INDEXER_GROUP_ID: z.string().min(1).default('newsfeed-indexer'),
  /** How often new documents are folded into the index (GIN pending-list merge); 0: never. */
  SEARCH_INDEX_MAINTAIN_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
});

export type IndexerEnv = z.infer<typeof indexerEnvSchema>;
