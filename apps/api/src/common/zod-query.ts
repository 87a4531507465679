import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a request part at the edge: a clear 400 naming each bad field, never a 500. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`,
    ),
  });
}
