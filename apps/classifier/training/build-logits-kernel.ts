/**
 * Assembles the linear models' WebAssembly kernel from its text source:
 *   npx tsx apps/classifier/training/build-logits-kernel.ts
 * reads apps/classifier/src/model/logits-kernel.wat and writes
 * apps/classifier/models/logits-kernel.wasm (committed: the product does not need wabt).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '#config';
import { assembleLogitsKernel, KERNEL_FILE, KERNEL_SOURCE } from './lib/assemble-kernel.js';

const root = join(repoRoot(), 'apps', 'classifier');
const binary = await assembleLogitsKernel(readFileSync(join(root, KERNEL_SOURCE), 'utf8'));
writeFileSync(join(root, KERNEL_FILE), binary);
console.log(`${KERNEL_FILE}: ${binary.length} bytes`);
