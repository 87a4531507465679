import { z } from 'zod';

export const isoDateTime = z.string().datetime({ offset: true });
export const uuid = z.string().uuid();
export const languageCode = z.string().regex(/^([a-z]{2,3}|und)$/, 'ISO 639-1/3 code or "und"');
