import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInput } from './input.js';

describe('parseInput', () => {
  it('reads JSON lines', () => {
    const rows = parseInput('{"id":"a","title":"T","text":"B"}\n\n{"title":"U"}\n', 'f');
    assert.deepEqual(
      rows.map((r) => [r.id, r.title, r.text]),
      [
        ['a', 'T', 'B'],
        ['f:2', 'U', ''],
      ],
    );
  });

  it('takes a feed language and categories (a list or one) when a line has them', () => {
    const rows = parseInput(
      '{"id":"a","title":"T","language":"de","categories":["Sport",3,""]}\n{"id":"b","categories":"Wirtschaft"}',
      'f',
    );
    assert.deepEqual(rows, [
      { id: 'a', title: 'T', text: '', feedLanguage: 'de', categories: ['Sport'] },
      { id: 'b', title: '', text: '', feedLanguage: undefined, categories: ['Wirtschaft'] },
    ]);
  });

  it('treats anything else as one plain-text article, first line as title', () => {
    const rows = parseInput('Headline\nBody line one.\nBody line two.', 'doc.txt');
    assert.deepEqual(rows, [
      { id: 'doc.txt', title: 'Headline', text: 'Body line one.\nBody line two.' },
    ]);
  });
});
