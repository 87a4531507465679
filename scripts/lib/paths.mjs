import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CACHE = path.join(ROOT, '.cache');
export const DIST = path.join(ROOT, 'dist');
