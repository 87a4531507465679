import { z } from 'zod';
import { DEFAULT_PORTS, serviceEnvSchema } from '#config';

export const classifierEnvSchema = serviceEnvSchema(DEFAULT_PORTS.classifier, {
  CLASSIFIER_GROUP_ID: z.string().min(1).default('newsfeed-classifier'),
  /** Articles further apart than this are never linked into one story. */
  STORY_WINDOW_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /**
   * Lookup keys (MinHash bands, cities, entities) of articles published longer ago than this are
   * pruned: a new article looks for its story within STORY_WINDOW_HOURS of its own time, so only
   * late arrivals dated further back lose them (their SimHash blocks still find near-duplicates).
   * At least twice the story window: a smaller value is raised to it.
   */
  LOOKUP_KEYS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  /** How often the pruning runs. */
  LOOKUP_KEYS_PRUNE_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
});

export type ClassifierEnv = z.infer<typeof classifierEnvSchema>;
