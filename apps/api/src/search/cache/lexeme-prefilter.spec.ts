import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileMayMatch, DocumentLexemes, LEXEME_SEPARATOR } from './lexeme-prefilter.js';

const documentOf = (...lexemes: string[]) =>
  new DocumentLexemes(`${LEXEME_SEPARATOR}${lexemes.join(LEXEME_SEPARATOR)}${LEXEME_SEPARATOR}`);

describe('compileMayMatch', () => {
  const harbour = documentOf('harbourside', 'strike', "o'neil", 'élection');

  it('wants a whole lexeme, not one that starts or ends with it', () => {
    assert.equal(compileMayMatch("'strike'")(harbour), true);
    assert.equal(compileMayMatch("'harbour'")(harbour), false);
    assert.equal(compileMayMatch("'side'")(harbour), false);
    assert.equal(compileMayMatch("'élection'")(harbour), true);
    assert.equal(compileMayMatch("'o''neil'")(harbour), true);
  });

  it('compares a prefix (:*) as a prefix', () => {
    assert.equal(compileMayMatch("'harb':*")(harbour), true);
    assert.equal(compileMayMatch("'side':*")(harbour), false);
  });

  it('keeps AND and OR, reads a phrase as AND and a negation as "may match"', () => {
    assert.equal(compileMayMatch("'strike' & 'harbour'")(harbour), false);
    assert.equal(compileMayMatch("'strike' | 'harbour'")(harbour), true);
    assert.equal(compileMayMatch("'strike' <-> 'election'")(harbour), false);
    assert.equal(compileMayMatch("'strike' <2> 'élection'")(harbour), true);
    assert.equal(compileMayMatch("!'strike'")(harbour), true);
    assert.equal(compileMayMatch("'harbour' & !'strike'")(harbour), false);
  });

  it('answers a document given as text as it answers its DocumentLexemes', () => {
    assert.equal(compileMayMatch("'strike'")(harbour.text), true);
    assert.equal(compileMayMatch("'harbour'")(harbour.text), false);
  });

  it('lets every document through for a tsquery it cannot read', () => {
    assert.equal(compileMayMatch("'strike' &")(harbour), true);
    assert.equal(compileMayMatch('strike')(harbour), true);
  });

  it('rules out exactly what a substring search of the lexemes rules out', () => {
    // The hashed lexemes stand in for this definition; a hash collision could only let more through.
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = Array.from({ length: 400 }, (_, i) =>
      `${String.fromCharCode(97 + (i % 26))}${i.toString(36)}${i % 7 === 0 ? 'ø' : ''}`.repeat(
        1 + (i % 3),
      ),
    );
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
    let agreed = 0;
    for (let trial = 0; trial < 500; trial++) {
      const lexemes = Array.from({ length: 1 + Math.floor(random() * 60) }, pick);
      const document = documentOf(...lexemes);
      const [a, b, c] = [pick(), pick(), pick()];
      const query = `'${a}' & ( '${b}' | '${c}' )`;
      const has = (lexeme: string) =>
        document.text.includes(`${LEXEME_SEPARATOR}${lexeme}${LEXEME_SEPARATOR}`);
      assert.equal(compileMayMatch(query)(document), has(a) && (has(b) || has(c)), query);
      if (has(a)) agreed++;
    }
    // Both answers occurred.
    assert.ok(agreed > 20 && agreed < 480, `${agreed}`);
  });
});
