import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '#config';
import { assembleLogitsKernel, KERNEL_FILE, KERNEL_SOURCE } from './assemble-kernel.js';

describe('the logits kernel binary', () => {
  it('is what its text source assembles to (npx tsx apps/classifier/training/build-logits-kernel.ts)', async () => {
    const classifier = join(repoRoot(), 'apps', 'classifier');
    const assembled = await assembleLogitsKernel(
      readFileSync(join(classifier, KERNEL_SOURCE), 'utf8'),
    );
    assert.deepEqual(Buffer.from(assembled), readFileSync(join(classifier, KERNEL_FILE)));
  });
});
