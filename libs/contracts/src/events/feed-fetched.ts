import { z } from 'zod';
import { isoDateTime, uuid } from './common.js';

export const fetchOutcome = z.enum([
  'changed',
  'not_modified',
  'http_error',
  'network_error',
  'parse_error',
  'refused',
  'gone',
]);

/** Telemetry of one poll of one feed. */
export const feedFetchedV1 = z.object({
  feedId: uuid,
  url: z.string().url(),
  outcome: fetchOutcome,
  httpStatus: z.number().int().min(0).max(599).nullable(),
  durationMs: z.number().min(0),
  bytes: z.number().int().min(0),
  newEntries: z.number().int().min(0),
  updatedEntries: z.number().int().min(0),
  error: z.string().max(2000).nullable(),
  fetchedAt: isoDateTime,
  nextFetchAt: isoDateTime,
});

export type FeedFetchedV1 = z.infer<typeof feedFetchedV1>;
export type FetchOutcome = z.infer<typeof fetchOutcome>;
