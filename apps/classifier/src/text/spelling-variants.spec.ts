import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { folded } from './spelling-variants.js';

describe('folded spellings', () => {
  it('reads a Devanagari nasal with a virama as the anusvara, and the candrabindu too', () => {
    assert.equal(folded('ज़ाम्बिया'), folded('ज़ांबिया'));
    assert.equal(folded('हिन्दी'), folded('हिंदी'));
    assert.equal(folded('अँग्रेज़ी'), folded('अंग्रेज़ी'));
    // Only a nasal that a virama joins to a following consonant: a word-final one stays.
    assert.equal(folded('राम्'), 'राम्');
  });

  it('leaves Bengali nasals and other scripts as they are', () => {
    assert.notEqual(folded('হিন্দি'), folded('হিংদি'));
    assert.equal(folded('Zambia'), 'zambia');
  });

  it('folds nukta, Arabic letter forms and hamza as before', () => {
    assert.equal(folded('न्यूज़ीलैंड'), folded('न्यूजीलैंड'));
    assert.equal(folded('إفريقيا'), folded('أفريقيا'));
    assert.equal(folded('كينيا'), folded('کینیا'));
  });
});
