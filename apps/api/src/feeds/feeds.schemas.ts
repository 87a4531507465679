import { z } from 'zod';
import { checkFeedUrl } from './feed-url.js';

/** A feed URL, normalised; non-http(s) schemes are refused with the reason. */
export const feedUrl = z.string().transform((value, ctx) => {
  const checked = checkFeedUrl(value);
  if (checked.ok) return checked.url;
  ctx.addIssue({ code: 'custom', message: checked.reason });
  return z.NEVER;
});

const title = z.string().trim().max(500);

export const createFeed = z.strictObject({
  url: feedUrl,
  title: title.optional(),
  paused: z.boolean().optional(),
});

export const updateFeed = z
  .strictObject({
    url: feedUrl.optional(),
    title: title.nullable().optional(),
    paused: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one of url, title, paused');

export const feedId = z.object({ id: z.uuid('a feed id (UUID)') });

const cursor = z.string().transform((value, ctx) => {
  try {
    const [createdAt, id] = JSON.parse(
      Buffer.from(value, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      z.uuid().safeParse(id).success
    )
      return { createdAt, id: id as string };
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
  return z.NEVER;
});

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id]), 'utf8').toString('base64url');
}

export const listFeedsQuery = z.strictObject({
  status: z.enum(['active', 'paused', 'parked', 'gone']).optional(),
  health: z.enum(['active', 'backing_off', 'parked', 'gone']).optional(),
  host: z.string().trim().min(1).max(253).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  failing: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: cursor.optional(),
});
