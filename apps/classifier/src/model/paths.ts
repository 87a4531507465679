import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '#config';

export function modelsDir(): string {
  return process.env.NEWSFEED_CLASSIFIER_MODELS ?? join(repoRoot(), 'apps', 'classifier', 'models');
}

export function modelPath(name: string): string {
  return join(modelsDir(), name);
}

export function readModelFile(name: string): Buffer {
  return readFileSync(modelPath(name));
}

/** A JSON model file, parsed; its shape is the caller's to know. */
export function readModelJson<T>(name: string): T {
  return JSON.parse(readModelFile(name).toString('utf8')) as T;
}
