import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder holding package.json, from src or from dist. */
export function repoRoot(): string {
  let folder = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('package.json not found above ' + folder);
    folder = parent;
  }
  return folder;
}

export function feedFixture(...parts: string[]): string {
  return join(repoRoot(), 'apps', 'ingestor', 'test', 'fixtures', 'feeds', ...parts);
}
