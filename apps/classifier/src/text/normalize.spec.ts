import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from './normalize.js';

describe('cleanText', () => {
  it('collapses spaces to one, and a run holding a line break to one newline', () => {
    assert.equal(
      cleanText('  Two  crew\t members \n\n  were hurt \r\n Continue '),
      'Two crew members\nwere hurt\nContinue',
    );
  });

  it('drops control characters and lone surrogates, and caps the length', () => {
    assert.equal(cleanText('a\u0000b\ud800c'), 'a b c');
    assert.equal(cleanText('abcdef', 3), 'abc');
    assert.equal(cleanText(42), '');
  });
});
