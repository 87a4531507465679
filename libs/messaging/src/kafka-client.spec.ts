import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logLevel } from 'kafkajs';
import { JsonLogger } from '#observability';
import { kafkaLogWriter } from './kafka-client.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = new JsonLogger('svc', 'debug', {}, (line) => lines.push(JSON.parse(line)));
  return { write: kafkaLogWriter(logger), lines };
}

const entry = (level: logLevel, message: string, fields: Record<string, unknown> = {}) => ({
  namespace: 'Connection',
  level,
  label: 'ERROR',
  log: { timestamp: '2026-11-30T05:41:23.754Z', message, ...fields },
});

describe('kafkaLogWriter', () => {
  it('logs an error answer kafkajs retries (coordinator loading) as a warning naming its type', () => {
    const { write, lines } = capture();
    write(
      entry(logLevel.ERROR, 'Response InitProducerId(key: 22, version: 1)', {
        error: "The coordinator is loading and hence can't process requests for this group",
        correlationId: 2,
      }),
    );
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.level, 'warn');
    assert.equal(lines[0]!.component, 'kafkajs');
    assert.equal(lines[0]!.brokerError, 'GROUP_LOAD_IN_PROGRESS');
    assert.equal(lines[0]!.retried, true);
    assert.equal(lines[0]!.correlationId, 2);
  });

  it('keeps an error answer that is not retried at error', () => {
    const { write, lines } = capture();
    write(
      entry(logLevel.ERROR, 'Response Produce(key: 0, version: 7)', {
        error: 'The server experienced an unexpected error when processing the request',
      }),
    );
    assert.equal(lines[0]!.level, 'error');
    assert.equal(lines[0]!.brokerError, undefined);
  });

  it('keeps other errors at error, even with a retriable message', () => {
    const { write, lines } = capture();
    write(
      entry(logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded', {
        error: 'The group coordinator is not available',
      }),
    );
    assert.equal(lines[0]!.level, 'error');
  });

  it('passes warnings through and drops the idempotent-producer retry notice', () => {
    const { write, lines } = capture();
    write(entry(logLevel.WARN, 'Limiting retries for the idempotent producer to Number.MAX_VALUE'));
    write(entry(logLevel.WARN, 'Consumer group rebalancing', { groupId: 'g' }));
    assert.deepEqual(
      lines.map((line) => [line.level, line.msg, line.groupId]),
      [['warn', 'Consumer group rebalancing', 'g']],
    );
  });
});
