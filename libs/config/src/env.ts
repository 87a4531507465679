import { z } from 'zod';

/** Thrown when the environment is invalid; its message names every offending variable. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
  }
}

const logLevel = z.enum(['debug', 'info', 'warn', 'error']);

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

const brokerList = commaList.refine(
  (brokers) => brokers.length > 0 && brokers.every((b) => /^[^\s:]+:\d{1,5}$/.test(b)),
  'must be a comma-separated list of host:port',
);

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL');

const port = z.coerce.number().int().min(0).max(65535);

/** Variables every service reads; each has a safe local default. */
export const commonEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: logLevel.default('info'),
  DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5432/newsfeed'),
  KAFKA_BROKERS: brokerList.default(['127.0.0.1:9092']),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'may only contain letters, digits, ".", "_" and "-"')
    .default(''),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(12),
  HOST: z.string().default('127.0.0.1'),
});

export type CommonEnv = z.infer<typeof commonEnvSchema>;

/**
 * Parses `source` with `schema`, turning zod's issues into one readable line per variable,
 * so a wrong value is named at start-up instead of failing later.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const value = source[name];
    const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
    return `${name} ${issue.message}${shown}`;
  });
  throw new InvalidEnvironmentError(problems);
}

/** Schema for a service: the common variables plus its own, with its default port. */
export function serviceEnvSchema<T extends z.ZodRawShape>(defaultPort: number, extra: T) {
  return commonEnvSchema.extend({ PORT: port.default(defaultPort), ...extra });
}
