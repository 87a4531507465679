import type { EntityManager, DataSource } from 'typeorm';

/**
 * TypeORM's postgres driver returns `[rows, affectedCount]` for UPDATE/DELETE … RETURNING but
 * plain rows for SELECT and INSERT; this always gives the rows.
 */
export async function queryRows<T>(
  runner: Pick<EntityManager | DataSource, 'query'>,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await runner.query(sql, parameters);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
