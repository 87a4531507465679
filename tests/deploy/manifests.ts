import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './code-facts.js';

/** Loading and small queries over docker-compose.yml, k8s/*.yaml and the Dockerfile. */

export type Json = Record<string, unknown>;

export function readRepoFile(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/** Every document of a YAML file; a syntax error or warning fails loudly. */
export function loadYaml(relative: string): Json[] {
  const documents = parseAllDocuments(readRepoFile(relative), { merge: true, prettyErrors: true });
  const list = Array.isArray(documents) ? documents : [documents];
  return list
    .map((document) => {
      const problems = [...document.errors, ...document.warnings];
      if (problems.length > 0) throw new Error(`${relative}: ${problems.map(String).join('; ')}`);
      return document.toJS() as Json | null;
    })
    .filter((value): value is Json => value !== null);
}

export function loadCompose(): Json {
  const [compose] = loadYaml('docker-compose.yml');
  if (!compose) throw new Error('docker-compose.yml is empty');
  return compose;
}

export function k8sFiles(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'k8s'))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
}

export interface K8sObject extends Json {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  file: string;
}

export function loadK8s(): K8sObject[] {
  return k8sFiles()
    .filter((file) => file !== 'kustomization.yaml')
    .flatMap((file) =>
      loadYaml(`k8s/${file}`).map((document) => ({ ...document, file }) as K8sObject),
    );
}

export function findK8s(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0]!;
}

/** Compose accepts environment as a map or as a list of KEY=VALUE. */
export function composeEnvironment(service: Json): Record<string, string> {
  const environment = service.environment ?? {};
  const entries = Array.isArray(environment)
    ? environment.map((item: string) => {
        const at = item.indexOf('=');
        return [item.slice(0, at), item.slice(at + 1)];
      })
    : Object.entries(environment as Json);
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

/** CPU or memory quantity as a number (cores or bytes). */
export function quantity(value: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi)?$/.exec(String(value));
  if (!match) throw new Error(`unsupported quantity ${value}`);
  const factor = { m: 1e-3, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * factor;
}

export interface DockerInstruction {
  keyword: string;
  args: string;
  stage: string;
}

/** Instructions of a Dockerfile with line continuations joined and the stage each belongs to. */
export function parseDockerfile(text: string): DockerInstruction[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  let stage = '';
  return logical.map((line) => {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') stage = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? args;
    return { keyword: keyword.toUpperCase(), args, stage };
  });
}

/** The exec form (JSON array) of CMD/HEALTHCHECK CMD/ENTRYPOINT. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error(`not an exec form: ${args}`);
  return parsed.map(String);
}

/** http(s) URLs mentioned in a command (healthchecks call fetch with a literal URL). */
export function urlsIn(command: string[] | string): URL[] {
  const text = Array.isArray(command) ? command.join(' ') : command;
  return [...text.matchAll(/https?:\/\/[^'"\s)]+/g)].map((match) => new URL(match[0]));
}
