import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  lexemeStatistics,
  parseTsquery,
  tsquerySelectivity,
  unseenLexemeSelectivity,
} from './lexeme-selectivity.js';

// pg_stats lists the frequencies, then their minimum and maximum.
const stats = lexemeStatistics(
  ['harbour', 'harbor', 'ship', "o'neil", 'back\\slash'],
  [0.5, 0.2, 0.1, 0.04, 0.006, 0.006, 0.5],
  0,
)!;

const close = (actual: number | undefined, expected: number) =>
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) < 1e-9,
    `${actual} is not ${expected}`,
  );

describe('tsquery selectivity from lexeme statistics', () => {
  it("gives a listed lexeme its frequency and any other half the least one's", () => {
    close(tsquerySelectivity("'harbour'", stats), 0.5);
    close(tsquerySelectivity("'quixotic'", stats), 0.003);
    close(unseenLexemeSelectivity(stats), 0.003);
  });

  it('never puts an unlisted lexeme above 0.5 %', () => {
    const sparse = lexemeStatistics(['a'], [0.4, 0.4, 0.4], 0)!;
    close(tsquerySelectivity("'b'", sparse), 0.005);
  });

  it('multiplies AND and phrase, adds OR as independent events, complements NOT', () => {
    close(tsquerySelectivity("'harbour' & 'ship'", stats), 0.05);
    close(tsquerySelectivity("'harbour' <-> 'ship'", stats), 0.05);
    close(tsquerySelectivity("'harbour' <2> 'ship'", stats), 0.05);
    close(tsquerySelectivity("'harbour' | 'harbor'", stats), 0.5 + 0.2 - 0.1);
    close(tsquerySelectivity("'harbour' & !'ship'", stats), 0.45);
  });

  it('binds ! before phrase, phrase before &, & before | unless parenthesised', () => {
    close(tsquerySelectivity("'ship' | 'harbour' & 'harbor'", stats), 0.1 + 0.1 - 0.01);
    close(tsquerySelectivity("( 'ship' | 'harbour' ) & 'harbor'", stats), (0.1 + 0.5 - 0.05) * 0.2);
    assert.deepEqual(parseTsquery("!'a' <-> 'b' & 'c'"), {
      kind: 'and',
      left: {
        kind: 'and',
        left: { kind: 'not', operand: { kind: 'lexeme', lexeme: 'a', prefix: false } },
        right: { kind: 'lexeme', lexeme: 'b', prefix: false },
      },
      right: { kind: 'lexeme', lexeme: 'c', prefix: false },
    });
  });

  it('reads doubled quotes and backslashes, weights and prefixes', () => {
    close(tsquerySelectivity("'o''neil'", stats), 0.04);
    close(tsquerySelectivity("'back\\\\slash'", stats), 0.006);
    close(tsquerySelectivity("'ship':AB", stats), 0.1);
    // harbour and harbor start with "harb": OR-ed (0.6), plus, of the rows holding no listed
    // lexeme, the share that 2 of the 5 listed lexemes make (the planner's guess for the rest).
    const listed = 1 - 0.5 * 0.8 * 0.9 * 0.96 * 0.994;
    close(tsquerySelectivity("'harb':*", stats), 0.6 + (1 - listed) * (2 / 5));
    // A prefix nothing listed starts is never rarer than an unlisted lexeme.
    close(tsquerySelectivity("'zz':*", stats), 0.003);
  });

  it('counts only the rows with a document (the statistics describe those)', () => {
    const withNulls = lexemeStatistics(['a'], [0.5, 0.5, 0.5], 0.2)!;
    close(tsquerySelectivity("'a'", withNulls), 0.4);
    close(unseenLexemeSelectivity(withNulls), 0.004);
  });

  it('declines text it cannot read and statistics without their extra figures', () => {
    for (const text of ['', "'open", "'a' &", "('a'", "'a' 'b'", 'a & b', "'a' )"])
      assert.equal(tsquerySelectivity(text, stats), undefined, text);
    assert.equal(lexemeStatistics(['a', 'b'], [0.1, 0.2], 0), undefined);
    assert.equal(lexemeStatistics([], [], 0), undefined);
  });
});
