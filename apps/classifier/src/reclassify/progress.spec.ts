import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from './args.js';
import { formatDuration, formatProgress, ProgressLine } from './progress.js';

describe('reclassify progress', () => {
  it('reports count, percentage, rate and ETA at the rate so far', () => {
    assert.equal(
      formatProgress({ done: 1200, total: 5000, failed: 2, elapsedMs: 2000 }),
      '1200/5000 24.0% 600.0/s ETA 6s, 2 failed',
    );
  });

  it('has no ETA before any progress and 0s when done', () => {
    assert.match(formatProgress({ done: 0, total: 10, failed: 0, elapsedMs: 0 }), /ETA \?/);
    assert.match(
      formatProgress({ done: 0, total: 0, failed: 0, elapsedMs: 5 }),
      /100\.0% .* ETA 0s/,
    );
  });

  it('formats long durations in minutes and hours', () => {
    assert.equal(formatDuration(59_000), '59s');
    assert.equal(formatDuration(125_000), '2m05s');
    assert.equal(formatDuration(3 * 3600_000 + 7 * 60_000), '3h07m');
  });

  it('throttles lines but always writes the final one', () => {
    const lines: string[] = [];
    const line = new ProgressLine({ write: (s: string) => lines.push(s) }, 60_000);
    line.update(1, 3, 0);
    line.update(2, 3, 0);
    line.update(3, 3, 0, true);
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^reclassify: 3\/3 100\.0%/);
  });
});

describe('reclassify arguments', () => {
  it('accepts --all and --batch=N and rejects anything else', () => {
    assert.deepEqual(parseArgs([]), { all: false, batchSize: 200 });
    assert.deepEqual(parseArgs(['--all', '--batch=50']), { all: true, batchSize: 50 });
    assert.throws(() => parseArgs(['--everything']), /unknown argument/);
  });
});
