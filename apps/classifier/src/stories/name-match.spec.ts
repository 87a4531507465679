import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { namedAgain, namePartsOf, namesInWords, oneLetterApart, sameStem } from './name-match.js';

describe('namesInWords', () => {
  const words = ['prshnskn', 'avhknr', 'jfrsng', 'mlkn'];
  const count = (...names: string[]) => namesInWords(words, new Set(names), new Set());

  it('finds a name by any of its words: as it is, with an ending, or a letter apart', () => {
    assert.equal(count('avjn mlkn'), 1, 'as it is');
    assert.equal(count('alks avhkn'), 1, 'with an ending of one or two letters');
    assert.equal(count('rbrt jfrsn'), 1, 'a letter apart, six letters or more');
    assert.equal(count('avjn mlkn', 'alks avhkn', 'rbrt jfrsn'), 3, 'each name once');
  });

  it('needs four letters for a word, five before an ending and six for a spelling', () => {
    assert.equal(namesInWords(['mlk'], new Set(['mlk']), new Set()), 0);
    assert.equal(namesInWords(['mlknr'], new Set(['mlk']), new Set()), 0);
    assert.equal(namesInWords(['mlknr'], new Set(['mlkn']), new Set()), 0);
    assert.equal(namesInWords(['mlkns'], new Set(['mlknt']), new Set()), 0);
    assert.equal(count('avhknrsk', 'bdkn'), 0);
  });

  it("leaves out names the text's own side already gives", () => {
    assert.equal(namesInWords(words, new Set(['mlkn']), new Set(['mlkn'])), 0);
  });
});

describe('namePartsOf and oneLetterApart', () => {
  it('keeps the words of four letters or more', () => {
    assert.deepEqual(namePartsOf('ksm jmrt tkv'), ['jmrt']);
  });

  it('tells one letter added, dropped or changed from two', () => {
    assert.ok(oneLetterApart('jfrsn', 'jfrsng'));
    assert.ok(oneLetterApart('jfrsn', 'kfrsn'));
    assert.ok(oneLetterApart('jfrsn', 'jfrn'));
    assert.ok(!oneLetterApart('jfrsn', 'kfrsng'));
    assert.ok(!oneLetterApart('jfrsn', 'frsnj'));
  });
});

describe('sameStem and namedAgain', () => {
  it('reads two endings of two letters or fewer after four shared letters as one name', () => {
    assert.ok(sameStem('zemli', 'zemlyu'));
    assert.ok(sameStem('nevadi', 'nevada'));
    assert.ok(sameStem('klvrn', 'klvrns'));
    assert.ok(!sameStem('zem', 'zemlyu'), 'three letters are no stem');
    assert.ok(!sameStem('alex ovech', 'alex ovechkin'), 'three letters are no ending');
    assert.ok(!sameStem('shmhr', 'shstr'));
  });

  it("counts an article's names that repeat an earlier one in another case", () => {
    assert.equal(namedAgain(['zemli', 'zemlyu', 'msts', 'falludzhi', 'falludzhu', 'konami']), 2);
    assert.equal(namedAgain(['alks avhkn', 'avjn mlkn']), 0);
  });
});
