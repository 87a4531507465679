import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dedupeTsquery } from './search-sql.js';

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
