import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileTsquery } from './compile.js';
import { searchConfigsFor } from './configs.js';
import { SearchInputError } from './errors.js';
import { parseSearchQuery } from './parse.js';

function compile(query: string, configs: string[] = ['simple'], firstParam?: number) {
  const { ast } = parseSearchQuery(query);
  assert.ok(ast);
  return compileTsquery(ast, { configs, firstParam });
}

describe('compileTsquery', () => {
  it('binds every piece of user text as a parameter, never in the SQL', () => {
    const hostile = `"x'); DROP TABLE articles; --" o'hara -$$evil$$ \\'`;
    const { sql, params } = compile(hostile);
    assert.doesNotMatch(sql, /DROP|hara|evil|'/);
    assert.ok(params.some((p) => p.includes('DROP')));
    assert.match(sql, /^[\s\w$():!&|,]+$/);
  });

  it('uses plainto for words, phraseto for phrases and !! for exclusions', () => {
    const { sql, params } = compile('"prime minister" OR premier -resigns');
    assert.equal(
      sql,
      '(phraseto_tsquery($1::regconfig, $2::text) || ' +
        '(plainto_tsquery($1::regconfig, $3::text) && (!! plainto_tsquery($1::regconfig, $4::text))))',
    );
    assert.deepEqual(params, ['simple', 'prime minister', 'premier', 'resigns']);
  });

  it('compiles the whole query once per configuration and ORs them, sharing term params', () => {
    const { sql, params } = compile('the beatles', ['simple', 'english']);
    assert.equal((sql.match(/plainto_tsquery/g) ?? []).length, 4);
    assert.deepEqual(params, ['simple', 'english', 'the', 'beatles']);
    assert.match(sql, /^\(\(.*\$1::regconfig.*\) \|\| \(.*\$2::regconfig.*\)\)$/);
  });

  it('numbers placeholders after the caller’s own parameters', () => {
    const { sql } = compile('a b', ['simple'], 4);
    assert.deepEqual(sql.match(/\$\d+/g), ['$4', '$5', '$4', '$6']);
  });

  it('segments CJK query words the way the indexer segments documents', () => {
    const { params } = compile('東京都で地震');
    assert.ok((params[1] ?? '').split(' ').includes('地震'), params[1]);
  });

  it('searchConfigsFor picks the filtered languages plus simple', () => {
    assert.deepEqual(searchConfigsFor(['fr', 'ja', 'fr-CA']), ['simple', 'french']);
  });

  it('searchConfigsFor without languages keeps the configurations of the query’s alphabets', () => {
    assert.deepEqual(searchConfigsFor([], 'выборы'), ['simple', 'russian', 'serbian']);
    assert.deepEqual(searchConfigsFor([], '地震'), ['simple']);
    assert.deepEqual(searchConfigsFor([], 'Αθήνα'), ['simple', 'greek']);
    const latin = searchConfigsFor([], 'élections');
    assert.ok(latin.includes('french') && latin.includes('english') && !latin.includes('russian'));
  });

  it('refuses queries whose compiled form would be too costly, with a way out', () => {
    const query = Array.from({ length: 10 }, (_, i) => `(a${i} OR b${i} -c${i})`).join(' ');
    const configs = searchConfigsFor([], query);
    assert.throws(
      () => compile(query, configs),
      (error: SearchInputError) =>
        error.code === 'too_complex' && /lang filter/.test(error.message),
    );
    assert.ok(compile(query, searchConfigsFor(['fr'])).sql.length > 0);
  });
});
