import { assertPrintable, SearchInputError } from './errors.js';

/** A parsed query string as Express/Nest hands it over: strings, arrays, even objects. */
export type RawParams = Readonly<Record<string, unknown>>;

export const MAX_VALUES_PER_FILTER = 20;
export const MAX_VALUE_LENGTH = 100;

export function invalid(parameter: string, message: string, code = 'invalid_parameter'): never {
  throw new SearchInputError(parameter, code, message);
}

/** One value or none; `?limit=1&limit=2` and `?limit[a]=1` are errors, not a silent pick. */
export function single(params: RawParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) invalid(name, `${name} is given more than once`);
  if (typeof value !== 'string') invalid(name, `${name} must be a plain value`);
  assertPrintable(name, value);
  return value;
}

/** Repeated (`?lang=fr&lang=de`) and comma-separated (`?lang=fr,de`) forms, de-duplicated. */
export function list(params: RawParams, name: string): string[] {
  const value = params[name];
  if (value === undefined) return [];
  const raw = Array.isArray(value) ? value : [value];
  if (!raw.every((v): v is string => typeof v === 'string')) {
    invalid(name, `${name} must be plain values`);
  }
  const values = [...new Set(raw.flatMap((v) => v.split(',')).map((v) => v.trim()))].filter(
    Boolean,
  );
  if (values.length > MAX_VALUES_PER_FILTER) {
    invalid(name, `${name} has ${values.length} values; the maximum is ${MAX_VALUES_PER_FILTER}`);
  }
  for (const v of values) {
    assertPrintable(name, v);
    if (v.length > MAX_VALUE_LENGTH) {
      invalid(
        name,
        `a ${name} value is ${v.length} characters long; the maximum is ${MAX_VALUE_LENGTH}`,
      );
    }
  }
  return values;
}
