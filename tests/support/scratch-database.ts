import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '#database';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of its own for one describe block: its URL (not created yet), and how to drop it. */
export function scratchDatabase(prefix: string): { url: string; drop: () => Promise<void> } {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * A migrated scratch database for the describe block this is called in: created before its
 * tests, dropped after them; `db` is its data source once the block's tests run.
 */
export function migratedScratchDatabase(prefix: string): { readonly db: DataSource } {
  const { url, drop } = scratchDatabase(prefix);
  let db: DataSource | undefined;
  before(async () => {
    await migrate(url);
    db = createDataSource({ url, poolSize: 2 });
    await db.initialize();
  });
  after(async () => {
    await db?.destroy();
    await drop();
  });
  return {
    get db(): DataSource {
      if (!db) throw new Error('the scratch database is ready only inside the tests');
      return db;
    },
  };
}
