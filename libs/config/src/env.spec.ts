import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { commonEnvSchema, InvalidEnvironmentError, parseEnv, serviceEnvSchema } from './env.js';

describe('parseEnv', () => {
  it('applies local defaults when nothing is set', () => {
    const env = parseEnv(commonEnvSchema, {});
    assert.equal(env.DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/newsfeed');
    assert.deepEqual(env.KAFKA_BROKERS, ['127.0.0.1:9092']);
    assert.equal(env.KAFKA_PARTITIONS, 12);
  });

  it('splits a broker list', () => {
    const env = parseEnv(commonEnvSchema, { KAFKA_BROKERS: 'a:9092, b:9093' });
    assert.deepEqual(env.KAFKA_BROKERS, ['a:9092', 'b:9093']);
  });

  it('names every invalid variable and its value', () => {
    const schema = serviceEnvSchema(3000, { EXTRA: z.coerce.number().int() });
    assert.throws(
      () => parseEnv(schema, { PORT: 'eighty', KAFKA_BROKERS: 'nohost', EXTRA: '1' }),
      (error: unknown) => {
        assert.ok(error instanceof InvalidEnvironmentError);
        assert.match(error.message, /PORT .*"eighty"/);
        assert.match(error.message, /KAFKA_BROKERS must be a comma-separated list of host:port/);
        assert.equal(error.problems.length, 2);
        return true;
      },
    );
  });

  it('treats an empty value as unset', () => {
    const env = parseEnv(serviceEnvSchema(3001, {}), { PORT: '' });
    assert.equal(env.PORT, 3001);
  });
});
