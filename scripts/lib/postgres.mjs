import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { log, portOpen, sleep } from './process.mjs';

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
