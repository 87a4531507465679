import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { SearchInputError } from './query/index.js';

/** PostgreSQL's query_canceled: our statement_timeout fired. */
const QUERY_CANCELED = '57014';

export function isStatementTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === QUERY_CANCELED;
}

export function searchTimeoutError(timeoutMs: number): SearchInputError {
  return new SearchInputError(
    'q',
    'query_too_costly',
    `the search did not finish within ${timeoutMs} ms: narrow it with filters ` +
      '(lang, since, topic, feed) or more specific words',
  );
}

/**
 * Bad search input as a 400. `message` is a list, as in the other 400s of the API (zod-query),
 * with `code` and `parameter` for programs.
 */
export function badRequestBody(error: SearchInputError) {
  const body = error.toResponse();
  return { ...body, message: [body.message] };
}

@Catch(SearchInputError)
export class SearchInputFilter implements ExceptionFilter {
  catch(error: SearchInputError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(400).json(badRequestBody(error));
  }
}
