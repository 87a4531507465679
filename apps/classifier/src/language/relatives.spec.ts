import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { areRelatives, relativesOf } from './relatives.js';

describe('language relatives', () => {
  it('pairs close languages both ways, never a language with itself or a distant one', () => {
    assert.ok(areRelatives('sk', 'cs') && areRelatives('cs', 'sk'));
    assert.ok(areRelatives('da', 'nb') && areRelatives('ms', 'id'));
    assert.ok(!areRelatives('cs', 'cs'));
    assert.ok(!areRelatives('cs', 'pl') && !areRelatives('ru', 'uk') && !areRelatives('en', 'de'));
  });

  it('lists the best-served relative first for a language without models of its own', () => {
    assert.equal(relativesOf('nn')[0], 'nb');
    assert.equal(relativesOf('sk')[0], 'cs');
    assert.equal(relativesOf('bs')[0], 'hr');
    assert.deepEqual(relativesOf('en'), []);
  });
});
