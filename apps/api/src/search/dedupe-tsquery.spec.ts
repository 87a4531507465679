import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dedupeTsquery, loneLexemeAlternatives, topLevelAlternatives } from './search-sql.js';

describe('dedupeTsquery', () => {
  it('drops repeated alternatives of a top-level OR, keeping the first order', () => {
    assert.equal(
      dedupeTsquery(`'bobaba' | 'bob' | 'bobaba' | 'bobab' | 'bob'`),
      `'bobaba' | 'bob' | 'bobab'`,
    );
  });

  it('compares whole alternatives, AND-ed words included', () => {
    assert.equal(
      dedupeTsquery(`'harbour' & 'storm' | 'harbour' & 'storm' | 'harbor' & 'storm'`),
      `'harbour' & 'storm' | 'harbor' & 'storm'`,
    );
  });

  it('never splits inside parentheses or quoted lexemes', () => {
    const nested = `( 'a' | 'b' ) & 'c' | ( 'a' | 'b' ) & 'c'`;
    assert.equal(dedupeTsquery(nested), `( 'a' | 'b' ) & 'c'`);
    const quoted = `'it''s | odd' | 'it''s | odd' | 'x'`;
    assert.equal(dedupeTsquery(quoted), `'it''s | odd' | 'x'`);
  });

  it('leaves a query without repeats, and the empty query, as they are', () => {
    assert.equal(dedupeTsquery(`'a' <-> 'b' & !'c'`), `'a' <-> 'b' & !'c'`);
    assert.equal(dedupeTsquery(''), '');
  });
});

describe('loneLexemeAlternatives', () => {
  it('counts the lexemes of a plain OR', () => {
    assert.equal(loneLexemeAlternatives(`'gajecagi' | 'gajecag' | 'gajeca'`), 3);
    assert.equal(loneLexemeAlternatives(`'it''s | odd' | 'x'`), 2);
    assert.equal(loneLexemeAlternatives(`'harbour'`), 1);
  });

  it('is 1 for anything but lone lexemes', () => {
    assert.equal(loneLexemeAlternatives(`'a' & 'b' | 'c'`), 1);
    assert.equal(loneLexemeAlternatives(`( 'a' | 'b' ) & 'c'`), 1);
    assert.equal(loneLexemeAlternatives(`'a' <-> 'b' | 'c'`), 1);
    assert.equal(loneLexemeAlternatives(`'pre':* | 'x'`), 1);
    assert.equal(loneLexemeAlternatives(`'a':A | 'b'`), 1);
  });
});

describe('topLevelAlternatives', () => {
  it('splits a top-level OR only, quotes and parentheses kept whole', () => {
    assert.deepEqual(topLevelAlternatives(`( 'a' | 'b' ) & 'c' | 'd|e'`), [
      `( 'a' | 'b' ) & 'c'`,
      `'d|e'`,
    ]);
  });
});
