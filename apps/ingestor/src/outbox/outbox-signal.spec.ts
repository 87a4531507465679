import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OutboxSignal } from './outbox-signal.js';

describe('OutboxSignal', () => {
  it('ends a wait as soon as it is notified', async () => {
    const signal = new OutboxSignal();
    let woke = false;
    const waiting = signal.wait(60_000).then(() => (woke = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(woke, false);
    signal.notify();
    await waiting;
    assert.equal(woke, true);
  });

  it('does not lose a notification that came while nobody waited', async () => {
    const signal = new OutboxSignal();
    signal.notify();
    await signal.wait(60_000);
    // Consumed: the next wait runs its course.
    const started = performance.now();
    await signal.wait(30);
    assert.ok(performance.now() - started >= 25);
  });
});
