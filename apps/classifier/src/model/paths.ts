import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walks up from this file to the repository root, so it works from src/ (tsx) and dist/ (tsc). */
export function repoRoot(from: string = fileURLToPath(new URL('.', import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${from}`);
    dir = parent;
  }
}

export function modelsDir(): string {
  return process.env.NEWSFEED_CLASSIFIER_MODELS ?? join(repoRoot(), 'apps', 'classifier', 'models');
}

export function readModelFile(name: string): Buffer {
  return readFileSync(join(modelsDir(), name));
}
