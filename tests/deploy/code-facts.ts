import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import ts from 'typescript';
import type { z } from 'zod';
import { commonEnvSchema, DEFAULT_PORTS, type ServiceName } from '#config';
import { apiEnvSchema } from '../../apps/api/src/env.js';
import { searchEnvSchema } from '../../apps/api/src/search/search-env.js';
import { classifierEnvSchema } from '../../apps/classifier/src/env.js';
import { modelsDir } from '../../apps/classifier/src/model/paths.js';
import { indexerEnvSchema } from '../../apps/indexer/src/env.js';
import { ingestorEnvSchema } from '../../apps/ingestor/src/env.js';
import { HealthController, MetricsController } from '../../libs/platform/src/http-endpoints.js';
import { repoRoot } from '../support/repo.js';

/** What the deployment files must agree with, read from the code rather than restated. */

export type EnvSchema = z.ZodObject<Record<string, z.ZodType>>;

export const ROOT = repoRoot();
export const SERVICES = Object.keys(DEFAULT_PORTS) as ServiceName[];
export { DEFAULT_PORTS, commonEnvSchema };

export const ENV_SCHEMAS: Record<ServiceName, EnvSchema> = {
  // The search module reads its own settings (SEARCH_*) besides the service's.
  api: apiEnvSchema.extend(searchEnvSchema.shape),
  ingestor: ingestorEnvSchema,
  classifier: classifierEnvSchema,
  indexer: indexerEnvSchema,
};

export const MIGRATE_SOURCE = 'libs/database/src/cli/migrate.ts';

export function mainSource(service: ServiceName): string {
  return `apps/${service}/src/main.ts`;
}

interface BuildLayout {
  outDir: string;
  rootDir: string;
}

/** outDir/rootDir of the config `npm run build` compiles, relative to the repository root. */
export function buildLayout(configFile = 'tsconfig.build.json'): BuildLayout {
  const file = path.join(ROOT, configFile);
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, file);
  if (!options.outDir || !options.rootDir) throw new Error(`${configFile} sets no outDir/rootDir`);
  return {
    outDir: path.relative(ROOT, options.outDir),
    rootDir: path.relative(ROOT, options.rootDir),
  };
}

/** Where tsc writes a source file: the path a container command must run. */
export function compiledPath(source: string, layout = buildLayout()): string {
  const relative = path.relative(layout.rootDir, source).replace(/\.ts$/, '.js');
  return path.posix.join(layout.outDir.split(path.sep).join('/'), relative);
}

export function sourceExists(source: string): boolean {
  return fs.statSync(path.join(ROOT, source), { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The URL path of a Nest GET handler, from the decorators' metadata. */
function getRoute(controller: new (...args: never[]) => object, method: string): string {
  const handler = (controller.prototype as Record<string, unknown>)[method] as object;
  if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) {
    throw new Error(`${controller.name}.${method} is not a GET route`);
  }
  const parts = [
    Reflect.getMetadata(PATH_METADATA, controller),
    Reflect.getMetadata(PATH_METADATA, handler),
  ];
  return (
    '/' +
    parts
      .map((part: string) => part.replace(/^\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/')
  );
}

export const HEALTH_PATH = getRoute(HealthController, 'health');
export const LIVENESS_PATH = getRoute(HealthController, 'live');
export const METRICS_PATH = getRoute(MetricsController, 'metrics');

/** The classifier's models folder relative to the repository root (baked into the image). */
export const MODELS_DIR = path.relative(ROOT, modelsDir()).split(path.sep).join('/');

export function packageJson(): {
  name: string;
  version: string;
  scripts: Record<string, string>;
  imports?: object;
} {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/** The image every container runs: <package name>:<package version>. */
export function expectedImage(): string {
  const pkg = packageJson();
  return `${pkg.name}:${pkg.version}`;
}
