import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { envProblems } from './env-rules.js';

const schema = z.object({
  TOKEN: z.string().min(1),
  BROKERS: z.string().default('127.0.0.1:9092'),
  WORKERS: z.coerce.number().int().min(1).default(4),
});

describe('envProblems', () => {
  const good = { TOKEN: 't', BROKERS: 'kafka:9092' };

  it('accepts a complete environment', () => {
    assert.deepEqual(envProblems(schema, good), []);
  });

  it('names variables the code does not read', () => {
    assert.deepEqual(envProblems(schema, { ...good, WORKER: '2' }), [
      'WORKER is set but the code does not read it',
    ]);
  });

  it('names required variables left out', () => {
    const problems = envProblems(schema, { BROKERS: 'kafka:9092' });
    assert.equal(problems[0], 'TOKEN is required but not set');
  });

  it('rejects loopback defaults and values, unless the process does not use the variable', () => {
    assert.deepEqual(envProblems(schema, { TOKEN: 't' }), [
      'BROKERS defaults to a loopback address and is not set',
    ]);
    assert.deepEqual(envProblems(schema, { TOKEN: 't', BROKERS: 'localhost:9092' }), [
      'BROKERS points to loopback: localhost:9092',
    ]);
    assert.deepEqual(envProblems(schema, { TOKEN: 't' }, ['TOKEN']), []);
  });

  it('reports values the schema rejects, by name', () => {
    const [problem] = envProblems(schema, { ...good, WORKERS: 'many' });
    assert.match(problem ?? '', /WORKERS/);
  });
});
