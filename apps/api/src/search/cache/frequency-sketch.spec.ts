import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FrequencySketch } from './frequency-sketch.js';

describe('FrequencySketch', () => {
  it('counts how often each key was asked, up to 15', () => {
    const sketch = new FrequencySketch(100);
    for (let i = 0; i < 3; i++) sketch.increment('three times');
    sketch.increment('once');
    for (let i = 0; i < 40; i++) sketch.increment('often');
    assert.equal(sketch.frequency('three times'), 3);
    assert.equal(sketch.frequency('once'), 1);
    assert.equal(sketch.frequency('often'), 15);
    assert.equal(sketch.frequency('never asked'), 0);
  });

  it('keeps counts apart for as many keys as it was sized for', () => {
    const sketch = new FrequencySketch(1000, 1_000_000);
    for (let key = 0; key < 1000; key++) {
      for (let i = 0; i < key % 4; i++) sketch.increment(`SELECT … ${key}`);
    }
    let exact = 0;
    for (let key = 0; key < 1000; key++) {
      const counted = sketch.frequency(`SELECT … ${key}`);
      assert.ok(counted >= key % 4, 'never below the true count');
      if (counted === key % 4) exact++;
    }
    assert.ok(exact >= 990, `${exact} of 1000 exact`);
  });

  it('halves every count after its sample of requests, so old popularity fades', () => {
    const sketch = new FrequencySketch(10, 20);
    for (let i = 0; i < 12; i++) sketch.increment('popular before');
    for (let i = 0; i < 8; i++) sketch.increment(`new ${i}`);
    assert.equal(sketch.frequency('popular before'), 6);
    assert.equal(sketch.frequency('new 0'), 0);
  });
});
