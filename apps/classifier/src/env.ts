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
});

export type ClassifierEnv = z.infer<typeof classifierEnvSchema>;
