import pg from 'pg';
import { createDataSource } from './data-source.js';

/** Raised when PostgreSQL cannot be reached; its message says how to start it. */
export class DatabaseUnavailableError extends Error {}

export function describeDatabaseUrl(url: string): { database: string; server: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  return { database, server: `${parsed.hostname}:${parsed.port || '5432'}` };
}

function unavailable(url: string, cause: unknown): DatabaseUnavailableError {
  const { server } = describeDatabaseUrl(url);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DatabaseUnavailableError(
    `PostgreSQL is not reachable at ${server} (${reason}). Start it with ` +
      `"pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start" or set DATABASE_URL.`,
  );
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const { database } = describeDatabaseUrl(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw unavailable(url, error);
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    }
  } catch (error) {
    // Two processes may race to create it; the loser sees "already exists", which is fine.
    if (!(error instanceof Error && /already exists/.test(error.message))) throw error;
  } finally {
    await client.end();
  }
}

/** Creates the database if needed and applies pending migrations; returns their names. */
export async function migrate(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'newsfeed-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Fails fast with one clear line when the server is down or the schema is not migrated. */
export async function checkDatabaseReady(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw unavailable(url, error);
  }
  try {
    const result = await client.query(`SELECT to_regclass('public.schema_migrations') AS t`);
    if (!result.rows[0]?.t) {
      throw new DatabaseUnavailableError(
        `The database ${describeDatabaseUrl(url).database} has no schema yet: run "npm run migrate".`,
      );
    }
  } finally {
    await client.end();
  }
}
