import { z } from 'zod';
import { DEFAULT_PORTS, serviceEnvSchema } from '#config';

export const apiEnvSchema = serviceEnvSchema(DEFAULT_PORTS.api, {
  /** Public base URL used in output feeds and links; defaults to the listening address. */
  PUBLIC_URL: z.string().url().optional(),
});

export type ApiEnv = z.infer<typeof apiEnvSchema>;
