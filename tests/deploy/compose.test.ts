import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import {
  commonEnvSchema,
  compiledPath,
  DEFAULT_PORTS,
  ENV_SCHEMAS,
  expectedImage,
  HEALTH_PATH,
  mainSource,
  MIGRATE_SOURCE,
  SERVICES,
  sourceExists,
} from './code-facts.js';
import { envProblems } from './env-rules.js';
import { composeEnvironment, loadCompose, readRepoFile, urlsIn, type Json } from './manifests.js';

const compose = loadCompose();
const services = compose.services as Record<string, Json>;

function service(name: string): Json {
  const found = services[name];
  assert.ok(found, `docker-compose.yml has no service ${name}`);
  return found;
}

/** The compose specification's JSON schema, as shipped by dclint (no docker compose here). */
function composeSchema(): object {
  const require = createRequire(import.meta.url);
  const dclint = path.dirname(require.resolve('dclint/package.json'));
  return JSON.parse(fs.readFileSync(path.join(dclint, 'schemas/compose.schema.json'), 'utf8'));
}

describe('docker-compose.yml', () => {
  it('is valid against the compose specification schema', () => {
    const ajv = new Ajv({
      strict: false,
      validateFormats: false,
      validateSchema: false,
      allErrors: true,
    });
    const validate = ajv.compile(composeSchema());
    const valid = validate(compose);
    assert.deepEqual(validate.errors ?? [], [], 'schema errors');
    assert.equal(valid, true);
  });

  it('runs every service and the migration from the same image, built from this Dockerfile', () => {
    for (const name of [...SERVICES, 'migrate']) {
      assert.equal(service(name).image, expectedImage(), `${name} image`);
      const build = service(name).build;
      const context = typeof build === 'string' ? build : (build as Json | undefined)?.context;
      assert.equal(context, '.', `${name} build context`);
    }
  });

  it('starts each service with the compiled main of its source', () => {
    for (const name of SERVICES) {
      assert.ok(sourceExists(mainSource(name)), mainSource(name));
      assert.deepEqual(service(name).command, ['node', compiledPath(mainSource(name))], name);
    }
  });

  it('gives each service an environment its schema accepts, reachable from other containers', () => {
    for (const name of SERVICES) {
      const env = composeEnvironment(service(name));
      assert.deepEqual(envProblems(ENV_SCHEMAS[name], env), [], name);
      assert.equal(env.HOST, '0.0.0.0', `${name} HOST`);
      assert.equal(env.PORT, String(DEFAULT_PORTS[name]), `${name} PORT`);
    }
  });

  it('never pins the ingestor worker id, so scaled replicas keep distinct leases', () => {
    assert.equal(composeEnvironment(service('ingestor')).INGESTOR_WORKER_ID, undefined);
  });

  it('checks /health on each service port', () => {
    for (const name of SERVICES) {
      const test = (service(name).healthcheck as Json).test as string[];
      const [url, ...others] = urlsIn(test);
      assert.equal(others.length, 0, `${name}: one URL`);
      assert.equal(url?.pathname, HEALTH_PATH, `${name} health path`);
      assert.equal(url?.port, String(DEFAULT_PORTS[name]), `${name} health port`);
    }
  });

  it('publishes the api port', () => {
    assert.ok(
      (service('api').ports as string[]).includes(`${DEFAULT_PORTS.api}:${DEFAULT_PORTS.api}`),
    );
  });

  it('starts services only after healthy kafka/postgres and a successful migration', () => {
    const expected = {
      kafka: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    };
    for (const name of SERVICES) assert.deepEqual(service(name).depends_on, expected, name);
  });

  it('migrates with the migrate CLI, on the database the services use', () => {
    const migrate = service('migrate');
    assert.ok(sourceExists(MIGRATE_SOURCE));
    assert.deepEqual(migrate.command, ['node', compiledPath(MIGRATE_SOURCE)]);
    const env = composeEnvironment(migrate);
    assert.match(readRepoFile(MIGRATE_SOURCE), /parseEnv\(commonEnvSchema\)/);
    assert.deepEqual(envProblems(commonEnvSchema, env, ['DATABASE_URL']), []);
    for (const name of SERVICES) {
      assert.equal(composeEnvironment(service(name)).DATABASE_URL, env.DATABASE_URL, name);
    }
    assert.deepEqual(migrate.depends_on, { postgres: { condition: 'service_healthy' } });
  });

  it('points DATABASE_URL at the postgres service with its credentials', () => {
    const postgres = service('postgres');
    assert.equal(postgres.image, 'postgres:15');
    const settings = (postgres.command as string[]).filter((_, i, all) => all[i - 1] === '-c');
    assert.ok(
      settings.every((setting) => /^[a-z_]+=\w+$/.test(setting)),
      String(settings),
    );
    assert.ok(settings.some((setting) => setting.startsWith('shared_buffers=')));
    const pgEnv = composeEnvironment(postgres);
    const url = new URL(composeEnvironment(service('migrate')).DATABASE_URL!);
    assert.equal(url.hostname, 'postgres');
    assert.equal(url.port || '5432', '5432');
    assert.equal(url.username, pgEnv.POSTGRES_USER);
    assert.equal(url.password, pgEnv.POSTGRES_PASSWORD);
  });

  it('runs a single-node KRaft Kafka that the services reach on an advertised listener', () => {
    const kafka = service('kafka');
    assert.equal(kafka.image, 'apache/kafka:3.9.1');
    const env = composeEnvironment(kafka);
    assert.deepEqual(env.KAFKA_PROCESS_ROLES?.split(',').sort(), ['broker', 'controller']);
    assert.equal(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE, 'false');
    assert.equal(env.KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS, '0');
    assert.equal(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR, '1');
    assert.equal(env.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR, '1');
    assert.equal(env.KAFKA_TRANSACTION_STATE_LOG_MIN_ISR, '1');
    const voters = env.KAFKA_CONTROLLER_QUORUM_VOTERS?.split(',') ?? [];
    assert.deepEqual(voters, [`${env.KAFKA_NODE_ID}@kafka:9093`]);
    const advertised = (env.KAFKA_ADVERTISED_LISTENERS ?? '')
      .split(',')
      .map((listener) => listener.replace(/^[A-Z_]+:\/\//, ''));
    for (const name of SERVICES) {
      const brokers = composeEnvironment(service(name)).KAFKA_BROKERS?.split(',') ?? [];
      assert.ok(brokers.length > 0, name);
      for (const broker of brokers) assert.ok(advertised.includes(broker), `${name}: ${broker}`);
    }
  });
});
