import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildLayout,
  commonEnvSchema,
  compiledPath,
  HEALTH_PATH,
  mainSource,
  MIGRATE_SOURCE,
  MODELS_DIR,
  packageJson,
  ROOT,
  SERVICES,
} from './code-facts.js';
import { execForm, parseDockerfile, readRepoFile, type DockerInstruction } from './manifests.js';

const instructions = parseDockerfile(readRepoFile('Dockerfile'));
const stages = [...new Set(instructions.map((i) => i.stage))];
const finalStage = stages.at(-1)!;

function inStage(stage: string, keyword: string): DockerInstruction[] {
  return instructions.filter((i) => i.stage === stage && i.keyword === keyword);
}

function workdir(stage: string): string {
  const dirs = inStage(stage, 'WORKDIR');
  assert.equal(dirs.length, 1, `one WORKDIR in stage ${stage}`);
  return dirs[0]!.args;
}

interface Copy {
  from?: string;
  sources: string[];
  dest: string;
}

function copies(stage: string): Copy[] {
  return inStage(stage, 'COPY').map(({ args }) => {
    const words = args.split(/\s+/);
    const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
    const paths = words.filter((w) => !w.startsWith('--'));
    return { from, sources: paths.slice(0, -1), dest: paths.at(-1)! };
  });
}

/** Repository-relative paths a stage copies from the build context. */
function contextPaths(stage: string): string[] {
  return copies(stage)
    .filter((c) => !c.from)
    .flatMap((c) => c.sources.map((s) => path.posix.normalize(s)));
}

function covers(prefix: string, file: string): boolean {
  return file === prefix || file.startsWith(prefix.replace(/\/?$/, '/'));
}

/** .dockerignore semantics: a pattern excludes a path or any folder above it; last match wins. */
function dockerIgnored(file: string): boolean {
  const rules = readRepoFile('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const toRegex = (glob: string) =>
    new RegExp(
      '^' +
        glob
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\//g, '§')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]')
          .replace(/§/g, '(?:.*/)?') +
        '$',
    );
  const candidates = file.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    const negated = rule.startsWith('!');
    const regex = toRegex(negated ? rule.slice(1) : rule);
    if (candidates.some((c) => regex.test(c))) ignored = !negated;
  }
  return ignored;
}

/** The files `npm run build` executes: its script and the modules they import, transitively. */
function buildScriptFiles(): string[] {
  const script = packageJson().scripts.build ?? '';
  const queue = [...script.matchAll(/\S+\.m?js\b/g)].map((m) => path.posix.normalize(m[0]));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, spec] of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
      queue.push(path.posix.join(path.posix.dirname(file), spec!));
    }
  }
  return [...seen];
}

const buildStage = (() => {
  const froms = copies(finalStage).filter((c) => c.from);
  assert.ok(froms.length > 0, 'the final stage copies from a build stage');
  return froms[0]!.from!;
})();

describe('Dockerfile', () => {
  it('builds on node:20-bookworm-slim in several stages', () => {
    const bases = instructions
      .filter((i) => i.keyword === 'FROM')
      .map((i) => i.args.split(/\s+/)[0]);
    assert.ok(bases.length >= 2);
    for (const base of bases) assert.equal(base, 'node:20-bookworm-slim');
  });

  it('installs from the lockfile, builds with npm run build and prunes dev dependencies', () => {
    const runs = inStage(buildStage, 'RUN').map((i) => i.args);
    const ci = runs.findIndex((r) => /\bnpm ci\b/.test(r));
    const build = runs.findIndex((r) => /\bnpm run build\b/.test(r));
    assert.ok(ci >= 0 && build > ci, 'npm ci, then npm run build');
    assert.ok(
      runs.slice(build).some((r) => /npm prune --omit=dev/.test(r)),
      'prunes dev deps',
    );
    assert.ok(contextPaths(buildStage).includes('package-lock.json'));
  });

  it('copies into the build stage every source and script the build reads', () => {
    const layout = buildLayout();
    const needed = [
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
      MIGRATE_SOURCE,
      ...SERVICES.map(mainSource),
      ...buildScriptFiles(),
      `${MODELS_DIR}/`,
    ];
    const copied = contextPaths(buildStage);
    for (const file of needed) {
      assert.ok(
        copied.some((c) => covers(c, file)),
        `${file} copied into ${buildStage}`,
      );
      assert.equal(dockerIgnored(file), false, `${file} excluded by .dockerignore`);
    }
    assert.ok(
      buildScriptFiles().some((f) => readRepoFile(f).includes('tsconfig.build.json')),
      'npm run build compiles tsconfig.build.json',
    );
    assert.equal(layout.outDir, 'dist');
    assert.equal(buildWorkdir(), workdir(finalStage), 'same layout in both stages');
  });

  it('ships the compiled services, the migrate CLI, the models and the import map', () => {
    const shipped = copies(finalStage)
      .filter((c) => c.from === buildStage)
      .flatMap((c) => c.sources.map((source) => shippedPath(source, c.dest)));
    const needed = [
      ...SERVICES.map((s) => compiledPath(mainSource(s))),
      compiledPath(MIGRATE_SOURCE),
      `${MODELS_DIR}/`,
      'package.json',
      'node_modules/',
    ];
    for (const file of needed)
      assert.ok(
        shipped.some((s) => covers(s, file)),
        `${file} in the image`,
      );
    assert.ok(packageJson().imports, 'package.json carries the #imports the compiled code uses');
  });

  it('runs as a numeric non-root user, listening on all interfaces', () => {
    const users = inStage(finalStage, 'USER');
    assert.equal(users.length, 1);
    const uid = users[0]!.args.split(':')[0]!;
    assert.match(uid, /^\d+$/, 'numeric, so Kubernetes can check runAsNonRoot');
    assert.notEqual(Number(uid), 0);
    const env = Object.fromEntries(
      inStage(finalStage, 'ENV').flatMap((i) =>
        [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]),
      ),
    );
    for (const key of Object.keys(env)) assert.ok(key in commonEnvSchema.shape, `${key} is read`);
    assert.equal(env.HOST, '0.0.0.0');
    assert.equal(env.NODE_ENV, 'production');
  });

  it('defaults to a service and has a HEALTHCHECK on its /health', () => {
    const [cmd] = inStage(finalStage, 'CMD');
    const mains = SERVICES.map((s) => compiledPath(mainSource(s)));
    const command = execForm(cmd!.args);
    assert.equal(command[0], 'node');
    assert.ok(mains.includes(command[1]!), command[1]);
    const [health] = inStage(finalStage, 'HEALTHCHECK');
    const probe = execForm(health!.args.slice(health!.args.indexOf('CMD'))).join(' ');
    assert.ok(probe.includes(`'${HEALTH_PATH}'`), probe);
    assert.ok(probe.includes('process.env.PORT'), 'probes the port the service listens on');
  });

  it('keeps dependencies, build output and VCS data out of the build context', () => {
    for (const file of [
      'node_modules/x/index.js',
      'dist/apps/api/src/main.js',
      '.git/HEAD',
      '.cache/x',
    ]) {
      assert.equal(dockerIgnored(file), true, file);
    }
  });
});

function buildWorkdir(): string {
  return workdir(buildStage);
}

/**
 * Where a file copied from the build stage lands, relative to the final WORKDIR; it must be the
 * same place as in the build stage, since the commands use repository-relative paths. Docker
 * copies a folder's contents to `dest`, and a file into `dest` when that ends with "/".
 */
function shippedPath(source: string, dest: string): string {
  const isFile = path.posix.extname(source) !== '';
  const target =
    isFile && dest.endsWith('/') ? path.posix.join(dest, path.posix.basename(source)) : dest;
  const landed = path.posix.relative(
    workdir(finalStage),
    path.posix.resolve(workdir(finalStage), target),
  );
  const origin = path.posix.relative(buildWorkdir(), source);
  assert.equal(landed, origin, `COPY --from=${buildStage} ${source} ${dest} moves it`);
  return landed;
}
