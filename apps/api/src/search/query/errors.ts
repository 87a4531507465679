/** The body of a 400 response; shaped like Nest's own BadRequestException body. */
export interface BadRequestBody {
  statusCode: 400;
  error: 'Bad Request';
  code: string;
  parameter: string;
  message: string;
}

/**
 * Bad search input: carries the parameter at fault and a sentence a person can act on.
 * Controllers turn it into a 400 (`new BadRequestException(err.toResponse())`).
 */
export class SearchInputError extends Error {
  constructor(
    readonly parameter: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SearchInputError';
  }

  toResponse(): BadRequestBody {
    return {
      statusCode: 400,
      error: 'Bad Request',
      code: this.code,
      parameter: this.parameter,
      message: this.message,
    };
  }
}

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** NUL makes PostgreSQL fail the whole statement; other controls have no place in a query. */
export function assertPrintable(parameter: string, value: string, allowWhitespace = false): void {
  const stripped = allowWhitespace ? value.replace(/[\t\n\r]/g, ' ') : value;
  const control = CONTROL.exec(stripped);
  if (control) {
    const hex = control[0].codePointAt(0)?.toString(16).padStart(4, '0').toUpperCase();
    throw new SearchInputError(
      parameter,
      'control_character',
      `${parameter} contains a control character (U+${hex}) at position ${control.index}`,
    );
  }
  if (LONE_SURROGATE.test(value)) {
    throw new SearchInputError(parameter, 'invalid_text', `${parameter} is not valid Unicode text`);
  }
}
