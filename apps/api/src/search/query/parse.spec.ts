import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatQuery, positiveTerms } from './ast.js';
import { SearchInputError } from './errors.js';
import { parseSearchQuery } from './parse.js';

function parsed(input: string): string {
  const { ast } = parseSearchQuery(input);
  return ast ? formatQuery(ast) : '<empty>';
}

function rejects(input: string, code: string, pattern: RegExp): void {
  assert.throws(
    () => parseSearchQuery(input),
    (error: unknown) => {
      assert.ok(error instanceof SearchInputError, String(error));
      assert.equal(error.code, code);
      assert.equal(error.parameter, 'q');
      assert.match(error.message, pattern);
      assert.equal(error.toResponse().statusCode, 400);
      return true;
    },
  );
}

describe('parseSearchQuery', () => {
  it('parses words as an implicit AND', () => {
    assert.equal(parsed('élections municipales'), '(élections municipales)');
    assert.equal(parsed('  Москва  '), 'Москва');
  });

  it('parses quoted phrases, OR, exclusion and parentheses with OR binding looser', () => {
    assert.equal(parsed('"prime minister" resigns'), '("prime minister" resigns)');
    assert.equal(parsed('paris OR lyon -grève'), '(paris OR (lyon -grève))');
    assert.equal(parsed('(paris OR lyon) -grève'), '((paris OR lyon) -grève)');
    assert.equal(parsed('a | b'), '(a OR b)');
  });

  it('keeps hyphenated words and lower-case "or" as words', () => {
    assert.equal(parsed('covid-19 or flu'), '(covid-19 or flu)');
  });

  it('closes an unterminated quote at the end, like web search engines', () => {
    assert.equal(parsed('"climate change'), '"climate change"');
  });

  it('drops punctuation-only words and cancels double negation', () => {
    assert.equal(parsed('rates & inflation !!!'), '(rates inflation)');
    assert.equal(parsed('rates --inflation'), '(rates inflation)');
  });

  it('returns an empty AST for an empty or blank query', () => {
    assert.equal(parsed(''), '<empty>');
    assert.equal(parsed(' \t '), '<empty>');
  });

  it('lists positive terms for highlighting', () => {
    const { ast } = parseSearchQuery('"tour de france" OR vuelta -doping');
    assert.ok(ast);
    assert.deepEqual(positiveTerms(ast), ['tour de france', 'vuelta']);
  });

  it('rejects queries that only exclude', () => {
    rejects('-sport', 'only_exclusions', /add a word to search for/);
    rejects('news OR -sport', 'only_exclusions', /each side of OR/);
  });

  it('rejects unbalanced parentheses with the position', () => {
    rejects('(a OR b', 'unbalanced_parenthesis', /position 1 is never closed/);
    rejects('a) b', 'unbalanced_parenthesis', /unexpected "\)" at position 2/);
  });

  it('rejects a dangling OR', () => {
    rejects('OR paris', 'dangling_or', /position 1 needs a word on each side/);
    rejects('paris OR', 'dangling_or', /OR at position 7/);
  });

  it('rejects control characters, including NUL, with their code point', () => {
    rejects('abc\u0000def', 'control_character', /U\+0000.*position 3/);
    rejects('abc\u001bdef', 'control_character', /U\+001B/);
    assert.equal(parsed('tab\tand\nnewline'), '(tab and newline)');
  });

  it('rejects over-long queries, too many terms and deep nesting', () => {
    rejects('a'.repeat(10_000), 'too_long', /10000 characters long; the maximum is 512/);
    const words = Array.from({ length: 33 }, (_, i) => `w${i}`).join(' ');
    rejects(words, 'too_many_terms', /33 words or phrases; the maximum is 32/);
    rejects('('.repeat(9) + 'x' + ')'.repeat(9), 'too_deep', /more than 8 levels/);
  });

  it('rejects a query with no searchable word', () => {
    rejects('!!! ()', 'no_words', /no words/);
  });
});
