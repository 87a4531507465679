import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '#database';

const ADMIN_URL = process.env.DATABASE_URL
  ? Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).toString()
  : 'postgres://postgres@127.0.0.1:5432/postgres';

type Row = Record<string, unknown>;

/** Rows of one statement, shaped like TypeORM's `query` so the gate and claims accept it. */
export interface ScratchRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors TypeORM's signature
  query<T = any>(sql: string, params?: unknown[]): Promise<T>;
}

/** A migrated scratch database for one spec file (name starts with the area: ingestor_). */
export async function scratchDatabase(): Promise<{
  url: string;
  pool: pg.Pool;
  runner: ScratchRunner;
  drop: () => Promise<void>;
}> {
  const name = `ingestor_spec_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // pool.end() resolves while its sockets may still be closing; the DROP … WITH (FORCE) below
  // then terminates them, and that error (on the pool or on a client it let go) would otherwise
  // be uncaught and fail the spec file.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return {
    url,
    pool,
    runner: {
      query: async <T = Row[]>(sql: string, params?: unknown[]) =>
        (await pool.query(sql, params)).rows as T,
    },
    drop: async () => {
      await pool.end();
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
