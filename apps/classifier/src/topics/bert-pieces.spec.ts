import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachPiece, pieceKey, UNKNOWN_PIECE } from './bert-pieces.js';

const VOCAB = [
  UNKNOWN_PIECE,
  'un',
  'unbeliev',
  '##ably',
  '##able',
  '##a',
  'seas',
  ':',
  'the',
  '北',
  '京',
  'Казах',
  '##стан',
  '😀',
  'Fuß',
  '##ball',
];

function tokenize(text: string, maxChars = 1500): string[] {
  const rows = new Map(VOCAB.map((p, i) => [pieceKey(p), i]));
  const out: string[] = [];
  forEachPiece(
    text,
    maxChars,
    (key) => rows.get(key) ?? -1,
    (row) => out.push(VOCAB[row]),
  );
  return out;
}

describe('forEachPiece (multilingual BERT tokenisation)', () => {
  it('takes the longest known piece first, then continuations', () => {
    assert.deepEqual(tokenize('unbelievably'), ['unbeliev', '##ably']);
    assert.deepEqual(tokenize('Казахстан'), ['Казах', '##стан']);
    assert.deepEqual(tokenize('Fußball'), ['Fuß', '##ball']);
  });

  it('keeps case: a capitalised word is not its lower-case piece', () => {
    assert.deepEqual(tokenize('The seas'), [UNKNOWN_PIECE, 'seas']);
  });

  it('makes a word no pieces spell whole one unknown piece, not its known start', () => {
    assert.deepEqual(tokenize('unbelievablyz'), [UNKNOWN_PIECE]);
    assert.deepEqual(tokenize('u'.repeat(101)), [UNKNOWN_PIECE]);
  });

  it('splits punctuation and each CJK ideograph off as pieces of their own', () => {
    assert.deepEqual(tokenize('the:seas'), ['the', ':', 'seas']);
    assert.deepEqual(tokenize('北京'), ['北', '京']);
  });

  it('drops control and format characters inside a word, and splits at any space', () => {
    assert.deepEqual(tokenize('un\u200bbeliev\u0000ably'), ['unbeliev', '##ably']);
    assert.deepEqual(tokenize('the\u00a0seas\u3000the'), ['the', 'seas', 'the']);
  });

  it('reads characters beyond the BMP as one code point', () => {
    assert.deepEqual(tokenize('😀 the'), ['😀', 'the']);
  });

  it('reads only the first maxChars characters', () => {
    assert.deepEqual(tokenize('the seas', 3), ['the']);
  });
});
