import { parseEnv } from '#config';
import type { EnvSchema } from './code-facts.js';

const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;

function pointsToLoopback(value: unknown): boolean {
  return LOOPBACK.test(JSON.stringify(value) ?? '');
}

/**
 * What is wrong with the environment a deployment gives a process reading `schema`: variables
 * the code never reads, required ones left out, loopback defaults (right on a laptop, wrong in
 * a container) left in place for the variables the process `used`, and values the schema rejects.
 */
export function envProblems(
  schema: EnvSchema,
  env: Record<string, string>,
  used: readonly string[] = Object.keys(schema.shape),
): string[] {
  const problems: string[] = [];
  const shape = schema.shape;
  for (const key of Object.keys(env)) {
    if (!(key in shape)) problems.push(`${key} is set but the code does not read it`);
  }
  for (const [key, field] of Object.entries(shape)) {
    const fallback = field.safeParse(undefined);
    if (!fallback.success && !(key in env)) problems.push(`${key} is required but not set`);
    if (fallback.success && used.includes(key) && pointsToLoopback(fallback.data)) {
      if (!(key in env)) problems.push(`${key} defaults to a loopback address and is not set`);
      else if (pointsToLoopback(env[key])) problems.push(`${key} points to loopback: ${env[key]}`);
    }
  }
  try {
    parseEnv(schema, env);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}
