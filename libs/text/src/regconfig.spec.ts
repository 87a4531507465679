import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { primaryLanguage, regconfigFor, TEXT_SEARCH_CONFIGS } from './regconfig.js';

describe('regconfigFor', () => {
  it('maps languages with a PostgreSQL stemmer to their configuration', () => {
    assert.equal(regconfigFor('fr'), 'french');
    assert.equal(regconfigFor('ru'), 'russian');
    assert.equal(regconfigFor('en'), 'english');
    assert.equal(regconfigFor('nb'), 'norwegian');
  });

  it('reads BCP 47 tags by their primary subtag, case-insensitively', () => {
    assert.equal(regconfigFor('pt-BR'), 'portuguese');
    assert.equal(regconfigFor(' DE_at '), 'german');
    assert.equal(primaryLanguage('zh-Hant-TW'), 'zh');
  });

  it('falls back to simple for unsupported, unspaced or missing languages', () => {
    for (const language of ['ja', 'zh', 'th', 'ko', 'pl', 'xx', '', undefined, null]) {
      assert.equal(regconfigFor(language), 'simple', String(language));
    }
  });

  it('lists each configuration once, simple first', () => {
    assert.equal(TEXT_SEARCH_CONFIGS[0], 'simple');
    assert.equal(new Set(TEXT_SEARCH_CONFIGS).size, TEXT_SEARCH_CONFIGS.length);
    assert.ok(TEXT_SEARCH_CONFIGS.includes('russian'));
  });
});
