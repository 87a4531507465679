import { z } from 'zod';

/**
 * Stored search parameters (a webhook's filter, a saved search's query): the shape of GET
 * /search's query string, checked for size here and for meaning by SearchService.parse.
 */
export const searchParams = z.record(
  z.string().max(40),
  z.union([z.string().max(1000), z.array(z.string().max(1000)).max(20)]),
);
