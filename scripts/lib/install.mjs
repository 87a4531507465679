import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';
import { log, run } from './process.mjs';

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * `npm ci` when node_modules is missing or older than the lockfile: a fresh clone needs no
 * separate install step before `npm start` or `npm test`.
 */
export async function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (mtime(marker) >= mtime(lock) && mtime(marker) > 0) return;
  log('installing dependencies (npm ci)…');
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT });
}
