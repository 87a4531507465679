import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyOutcome,
  DEFAULT_RETRY_POLICY as policy,
  nextStep,
  parseRetryAfter,
  recordDelivery,
  retryDelayMs,
  shouldDisable,
} from './retry.js';

const now = new Date('2025-05-01T00:00:00Z');
const HOUR = 3_600_000;

describe('classifyOutcome', () => {
  it('sorts statuses into success, retryable, permanent and gone', () => {
    const cases: [number | undefined, string][] = [
      [200, 'success'],
      [204, 'success'],
      [undefined, 'retryable'],
      [500, 'retryable'],
      [503, 'retryable'],
      [429, 'retryable'],
      [408, 'retryable'],
      [400, 'permanent'],
      [401, 'permanent'],
      [404, 'permanent'],
      [301, 'permanent'],
      [410, 'gone'],
    ];
    for (const [status, kind] of cases)
      assert.equal(classifyOutcome({ status }), kind, String(status));
  });
});

describe('retryDelayMs', () => {
  it('grows 4x per attempt between its jitter bounds and stops at the cap', () => {
    assert.equal(
      retryDelayMs(1, policy, () => 0),
      48_000,
    );
    assert.equal(
      retryDelayMs(1, policy, () => 1),
      60_000,
    );
    assert.equal(
      retryDelayMs(2, policy, () => 1),
      240_000,
    );
    assert.equal(
      retryDelayMs(3, policy, () => 1),
      960_000,
    );
    assert.equal(
      retryDelayMs(20, policy, () => 1),
      policy.maxDelayMs,
    );
  });

  it('spreads retries (jitter) and honours a longer Retry-After within the cap', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(2, policy)));
    assert.ok(delays.size > 40);
    for (const d of delays) assert.ok(d >= 192_000 && d <= 240_000, String(d));
    assert.equal(
      retryDelayMs(1, policy, () => 1, 10 * 60_000),
      600_000,
    );
    assert.equal(
      retryDelayMs(1, policy, () => 1, 1000),
      60_000,
    );
    assert.equal(
      retryDelayMs(1, policy, () => 1, 1e12),
      policy.maxDelayMs,
    );
  });

  it('the whole schedule spans about two days', () => {
    let total = 0;
    for (let attempt = 1; attempt < policy.maxAttempts; attempt++)
      total += retryDelayMs(attempt, policy, () => 1);
    assert.ok(total > 40 * HOUR && total < 80 * HOUR, `${total / HOUR} h`);
  });
});

describe('nextStep', () => {
  it('retries transient failures until attempts run out', () => {
    const step = nextStep(1, { status: 503 }, now, policy, () => 1);
    assert.deepEqual(step, { action: 'retry', at: new Date(now.getTime() + 60_000) });
    assert.deepEqual(nextStep(policy.maxAttempts, { status: 503 }, now), {
      action: 'give_up',
      reason: 'attempts_exhausted',
    });
  });

  it('stops at once on success, permanent errors and 410 Gone', () => {
    assert.deepEqual(nextStep(1, { status: 200 }, now), { action: 'done' });
    assert.deepEqual(nextStep(1, { status: 404 }, now), {
      action: 'give_up',
      reason: 'permanent_error',
    });
    assert.deepEqual(nextStep(1, { status: 410 }, now), { action: 'disable', reason: 'gone' });
  });
});

describe('auto-disable', () => {
  it('disables only after many failed deliveries AND a long time without success', () => {
    let health = { consecutiveFailedDeliveries: 0, lastSuccessAt: now };
    for (let i = 0; i < policy.disableAfterFailedDeliveries; i++)
      health = recordDelivery(health, false, now);
    assert.equal(shouldDisable(health, new Date(now.getTime() + HOUR)), false);
    const later = new Date(now.getTime() + policy.disableAfterFailingForMs);
    assert.equal(shouldDisable(health, later), true);
    assert.equal(shouldDisable(recordDelivery(health, true, later), later), false);
    const few = { consecutiveFailedDeliveries: 1, lastSuccessAt: now };
    assert.equal(shouldDisable(few, new Date(now.getTime() + 30 * 24 * HOUR)), false);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Thu, 01 May 2025 00:02:00 GMT', now), 120_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
