/**
 * npm run classify -- <file> [...]: JSON lines {id,title,text} or a plain text file in, one JSON
 * line per article out ({ id, ...Classification }). "-" reads standard input.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createClassifier } from '../classify/classifier.js';
import { parseInput } from './input.js';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run classify -- <file.jsonl|file.txt|-> [...]');
    return 2;
  }
  const classifier = await createClassifier();
  for (const file of files) {
    const content = readFileSync(file === '-' ? 0 : file, 'utf8');
    for (const record of parseInput(content, file === '-' ? 'stdin' : basename(file))) {
      const result = classifier.classify(record);
      process.stdout.write(JSON.stringify({ id: record.id, ...result }) + '\n');
    }
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
