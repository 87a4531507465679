import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicTokens, WordPiece } from './wordpiece.js';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'foot', '##ball', 'ball', 'cafe', ',', '中'];

function tokenizer(maxLength = 512): WordPiece {
  const path = join(mkdtempSync(join(tmpdir(), 'wordpiece-')), 'tokenizer.json');
  const vocab = Object.fromEntries(VOCAB.map((token, id) => [token, id]));
  writeFileSync(
    path,
    JSON.stringify({ model: { type: 'WordPiece', vocab }, truncation: { max_length: maxLength } }),
  );
  return WordPiece.load(path);
}

describe('basicTokens', () => {
  it('lower-cases, strips accents, splits at punctuation and spaces out CJK characters', () => {
    assert.deepEqual(basicTokens('Café, FOOTBALL\u200b中国'), [
      'cafe',
      ',',
      'football',
      '中',
      '国',
    ]);
  });
});

describe('WordPiece', () => {
  it('cuts a word into its longest pieces between [CLS] and [SEP]', () => {
    assert.deepEqual(tokenizer().encode('Football, ball'), [2, 4, 5, 8, 6, 3]);
  });

  it('makes a word with a piece the vocabulary lacks one [UNK]', () => {
    assert.deepEqual(tokenizer().encode('footbell cafe'), [2, 1, 7, 3]);
  });

  it("keeps to the model's maximum length", () => {
    assert.deepEqual(tokenizer(4).encode('ball ball ball'), [2, 6, 6, 3]);
  });
});
