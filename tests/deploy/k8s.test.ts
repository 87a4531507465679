import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  commonEnvSchema,
  compiledPath,
  DEFAULT_PORTS,
  ENV_SCHEMAS,
  expectedImage,
  HEALTH_PATH,
  LIVENESS_PATH,
  mainSource,
  METRICS_PATH,
  MIGRATE_SOURCE,
  ROOT,
  SERVICES,
  sourceExists,
} from './code-facts.js';
import { searchEnv } from '../../apps/api/src/search/search-env.js';
import { envProblems } from './env-rules.js';
import {
  findK8s,
  k8sFiles,
  loadK8s,
  loadYaml,
  quantity,
  type Json,
  type K8sObject,
} from './manifests.js';

interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: Json }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    containers: Container[];
    terminationGracePeriodSeconds?: number;
    restartPolicy?: string;
    securityContext?: { runAsNonRoot?: boolean };
  };
}

const objects = loadK8s();
const kustomization = loadYaml('k8s/kustomization.yaml')[0] as {
  namespace: string;
  resources: string[];
};

function deployment(service: string) {
  return findK8s(objects, 'Deployment', `newsfeed-${service}`) as K8sObject & {
    spec: {
      replicas: number;
      selector: { matchLabels: Record<string, string> };
      template: PodTemplate;
    };
  };
}

function k8sService(service: string) {
  return findK8s(objects, 'Service', `newsfeed-${service}`) as K8sObject & {
    spec: {
      selector: Record<string, string>;
      ports: { port: number; targetPort: string | number }[];
    };
  };
}

function migrateJob() {
  return findK8s(objects, 'Job', 'newsfeed-migrate') as K8sObject & {
    spec: { template: PodTemplate };
  };
}

function onlyContainer(template: PodTemplate): Container {
  assert.equal(template.spec.containers.length, 1);
  return template.spec.containers[0]!;
}

/** The environment a container sees: envFrom ConfigMaps and Secrets, then its own env. */
function effectiveEnv(container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const map = findK8s(objects, 'ConfigMap', source.configMapRef.name) as { data?: Json };
      Object.assign(env, map.data);
    }
    if (source.secretRef) {
      const secret = findK8s(objects, 'Secret', source.secretRef.name) as { stringData?: Json };
      Object.assign(env, secret.stringData);
    }
  }
  for (const item of container.env ?? []) {
    env[item.name] = item.valueFrom ? `from-${item.name.toLowerCase()}` : String(item.value);
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)]));
}

function resolvePort(container: Container, port: string | number): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe('k8s manifests', () => {
  it('parse, and every object has apiVersion, kind and name', () => {
    assert.ok(objects.length >= 4 + SERVICES.length * 2);
    for (const o of objects) {
      assert.ok(
        o.apiVersion && o.kind && o.metadata?.name,
        `${o.file}: ${JSON.stringify(o).slice(0, 80)}`,
      );
    }
  });

  it('kustomization lists every manifest file, and only existing ones', () => {
    const files = k8sFiles().filter((f) => f !== 'kustomization.yaml');
    assert.deepEqual([...kustomization.resources].sort(), files);
    const namespace = findK8s(objects, 'Namespace', kustomization.namespace);
    assert.equal(namespace.metadata.name, kustomization.namespace);
  });

  it('run every container from the same image', () => {
    const templates = [
      ...SERVICES.map((s) => deployment(s).spec.template),
      migrateJob().spec.template,
    ];
    for (const template of templates) assert.equal(onlyContainer(template).image, expectedImage());
  });

  it('start each Deployment with the compiled main of its source', () => {
    for (const service of SERVICES) {
      assert.ok(sourceExists(mainSource(service)));
      const container = onlyContainer(deployment(service).spec.template);
      assert.deepEqual(container.command, ['node', compiledPath(mainSource(service))], service);
    }
  });

  it('give each service an environment its schema accepts', () => {
    for (const service of SERVICES) {
      const env = effectiveEnv(onlyContainer(deployment(service).spec.template));
      assert.deepEqual(envProblems(ENV_SCHEMAS[service], env), [], service);
      assert.equal(env.HOST, '0.0.0.0', `${service} HOST`);
      assert.equal(env.PORT, String(DEFAULT_PORTS[service]), `${service} PORT`);
    }
  });

  it('give api replicas one cursor secret, so a page cursor from one works on the other', () => {
    const api = deployment('api') as { spec: { replicas?: number; template: PodTemplate } };
    assert.ok((api.spec.replicas ?? 1) > 1, 'the api runs several replicas');
    const container = onlyContainer(api.spec.template);
    const valueFrom = container.env?.find((item) => item.name === 'SEARCH_CURSOR_SECRET')
      ?.valueFrom as { secretKeyRef?: { name: string; key: string } } | undefined;
    const ref = valueFrom?.secretKeyRef;
    assert.ok(ref, 'SEARCH_CURSOR_SECRET comes from a Secret');
    const secret = findK8s(objects, 'Secret', ref.name) as { stringData?: Record<string, string> };
    const value = secret.stringData?.[ref.key];
    assert.ok(value, `the Secret ${ref.name} holds ${ref.key}`);
    assert.equal(searchEnv({ SEARCH_CURSOR_SECRET: value }).cursorSecret, value);
  });

  it('select their own pods: Deployment selector, pod labels and Service selector agree', () => {
    for (const service of SERVICES) {
      const { spec } = deployment(service);
      assert.ok(matches(spec.selector.matchLabels, spec.template.metadata.labels), service);
      assert.deepEqual(k8sService(service).spec.selector, spec.selector.matchLabels, service);
      for (const other of SERVICES.filter((s) => s !== service)) {
        const labels = deployment(other).spec.template.metadata.labels;
        assert.equal(
          matches(spec.selector.matchLabels, labels),
          false,
          `${service} selects ${other}`,
        );
      }
    }
  });

  it('expose the service port, probe /health (ready) and /health/live (alive), annotate /metrics', () => {
    for (const service of SERVICES) {
      const port = DEFAULT_PORTS[service];
      const { template } = deployment(service).spec;
      const container = onlyContainer(template);
      assert.equal(container.readinessProbe?.httpGet?.path, HEALTH_PATH, service);
      assert.equal(container.livenessProbe?.httpGet?.path, LIVENESS_PATH, service);
      for (const probe of [container.readinessProbe, container.livenessProbe]) {
        assert.equal(resolvePort(container, probe!.httpGet!.port), port, service);
      }
      const [servicePort] = k8sService(service).spec.ports;
      assert.equal(resolvePort(container, servicePort!.targetPort), port, `${service} targetPort`);
      const annotations = template.metadata.annotations ?? {};
      assert.equal(annotations['prometheus.io/scrape'], 'true');
      assert.equal(annotations['prometheus.io/port'], String(port), service);
      assert.equal(annotations['prometheus.io/path'], METRICS_PATH, service);
    }
  });

  it('set resource requests within limits', () => {
    const templates = [
      ...SERVICES.map((s) => deployment(s).spec.template),
      migrateJob().spec.template,
    ];
    for (const template of templates) {
      const { requests = {}, limits = {} } = onlyContainer(template).resources ?? {};
      for (const resource of ['cpu', 'memory']) {
        assert.ok(requests[resource] && limits[resource], `${resource} request and limit`);
        assert.ok(quantity(requests[resource]) <= quantity(limits[resource]), resource);
      }
    }
  });

  it('terminate gracefully: a preStop pause shorter than the grace period', () => {
    for (const service of SERVICES) {
      const { spec } = deployment(service).spec.template;
      const command = onlyContainer(deployment(service).spec.template).lifecycle?.preStop?.exec
        ?.command;
      assert.equal(command?.[0], 'sleep', service);
      const grace = spec.terminationGracePeriodSeconds ?? 30;
      assert.ok(Number(command![1]) < grace - 10, `${service}: leaves the app time to drain`);
      assert.equal(spec.securityContext?.runAsNonRoot, true, service);
    }
  });

  it('let the ingestor scale out without sharing a worker id', () => {
    const { spec } = deployment('ingestor');
    assert.ok(spec.replicas > 1);
    const container = onlyContainer(spec.template);
    const pinned = container.env?.find((e) => e.name === 'INGESTOR_WORKER_ID');
    assert.ok(
      !pinned || pinned.valueFrom,
      'a fixed INGESTOR_WORKER_ID would be shared by replicas',
    );
  });

  it('migrate with the migrate CLI on the services’ database', () => {
    assert.ok(sourceExists(MIGRATE_SOURCE));
    const { template } = migrateJob().spec;
    const container = onlyContainer(template);
    assert.deepEqual(container.command, ['node', compiledPath(MIGRATE_SOURCE)]);
    assert.ok(['OnFailure', 'Never'].includes(template.spec.restartPolicy ?? ''));
    const env = effectiveEnv(container);
    assert.deepEqual(envProblems(commonEnvSchema, env, ['DATABASE_URL']), []);
    for (const service of SERVICES) {
      const serviceEnv = effectiveEnv(onlyContainer(deployment(service).spec.template));
      assert.equal(serviceEnv.DATABASE_URL, env.DATABASE_URL, service);
    }
  });

  it('keep DATABASE_URL in the Secret template, not in the ConfigMap', () => {
    for (const map of objects.filter((o) => o.kind === 'ConfigMap')) {
      assert.equal((map as { data?: Json }).data?.DATABASE_URL, undefined, map.metadata.name);
    }
    const secrets = objects.filter((o) => o.kind === 'Secret') as { stringData?: Json }[];
    assert.ok(secrets.some((s) => typeof s.stringData?.DATABASE_URL === 'string'));
  });

  it('build with kustomize when kubectl is installed', (t) => {
    let output: string;
    try {
      output = execFileSync('kubectl', ['kustomize', 'k8s'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return t.skip('kubectl not installed');
      throw error;
    }
    const kinds = output.match(/^kind: /gm) ?? [];
    assert.equal(kinds.length, objects.length);
    const namespaced = output.match(
      new RegExp(`^ {2}namespace: ${kustomization.namespace}$`, 'gm'),
    );
    assert.equal(namespaced?.length, objects.length - 1, 'every object but the Namespace');
  });
});
