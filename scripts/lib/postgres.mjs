import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { commandExists, log, portOpen, sleep } from './process.mjs';

function databaseServer() {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsfeed');
  return { host: url.hostname, port: Number(url.port || 5432) };
}

/**
 * Makes sure the PostgreSQL server answers; on a machine with a local Debian cluster that is
 * stopped, starts it. Throws one clear line otherwise.
 */
export async function ensurePostgres() {
  const { host, port } = databaseServer();
  if (await portOpen(host, port)) return;
  const local = host === '127.0.0.1' || host === 'localhost';
  if (local && fs.existsSync('/etc/postgresql')) {
    const version = fs.readdirSync('/etc/postgresql')[0];
    log(`postgres: not answering on ${host}:${port}; starting cluster ${version}/main`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
      stdio: 'inherit',
    });
    for (let i = 0; i < 40 && !(await portOpen(host, port)); i += 1) await sleep(250);
    if (await portOpen(host, port)) return;
  }
  throw new Error(
    `PostgreSQL is not reachable at ${host}:${port}. Start it with ` +
      '"pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start" or set DATABASE_URL.',
  );
}

async function rumOffered() {
  const { default: pg } = await import('pg');
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsfeed');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT current_setting('server_version_num')::int / 10000 AS major,
              EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') AS offered`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

function aptInstall(pkg) {
  const quiet = { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', pkg], quiet).status === 0;
  if (install()) return true;
  spawnSync('apt-get', ['update', '-qq'], quiet);
  return install();
}

/**
 * With SEARCH_RUM=on, search uses the RUM index where the server has the `rum` extension (see
 * the search-rum and search-gin-default migrations; GIN is the default). On a local Debian
 * server without it, running as root, installs `postgresql-<major>-rum` quietly. Never fatal:
 * search falls back to GIN, so any failure is one log line. `forTests` installs it regardless. Run it before the migrations, which
 * only create the index when rum is offered.
 */
export async function ensureRumExtension({ forTests = false } = {}) {
  // The tests compare both index paths wherever the extension can be had.
  if (!forTests && process.env.SEARCH_RUM !== 'on') return;
  try {
    const { host } = databaseServer();
    const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!local || !root || !commandExists('apt-get')) return;
    const { major, offered } = await rumOffered();
    if (offered) return;
    const pkg = `postgresql-${major}-rum`;
    log(`postgres: installing ${pkg} (RUM index for search)`);
    if (!aptInstall(pkg)) log(`postgres: could not install ${pkg}; search will use GIN`);
  } catch (error) {
    log(`postgres: RUM check skipped (${error.message}); search will use GIN`);
  }
}
