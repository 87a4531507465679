import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';
import { run } from './process.mjs';
import { ensureInstalled } from './install.mjs';

/** Installs dependencies if missing and compiles the TypeScript (incrementally) into dist/. */
export async function ensureBuilt() {
  await ensureInstalled();
  await run(path.join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { cwd: ROOT });
}

export function isBuilt() {
  return fs.existsSync(path.join(ROOT, 'dist/libs/contracts/src/index.js'));
}
