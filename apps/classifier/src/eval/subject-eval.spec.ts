import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateSubjects } from './subject-eval.js';

const sentence = (id: number, language: string, subjects: string[]) => ({
  id,
  group: `${language}-group`,
  language,
  subjects: new Set(subjects),
});

describe('evaluateSubjects', () => {
  it('counts agreement with the English version of each sentence', () => {
    const result = evaluateSubjects(
      [
        sentence(1, 'en', ['04000000']),
        sentence(1, 'fr', ['04000000', '16000000']),
        sentence(2, 'en', ['17000000']),
        sentence(2, 'fr', []),
      ],
      new Set(['en', 'fr']),
    );
    assert.deepEqual(result.counts, { agreed: 1, extra: 1, missed: 1 });
    assert.equal(result.precision, 0.5);
    assert.equal(result.recall, 0.5);
    assert.deepEqual(result.perGroup.get('fr-group'), { precision: 0.5, recall: 0.5 });
  });

  it('leaves out languages without cue words', () => {
    const result = evaluateSubjects(
      [sentence(1, 'en', ['04000000']), sentence(1, 'th', [])],
      new Set(['en', 'fr']),
    );
    assert.deepEqual(result.counts, { agreed: 0, extra: 0, missed: 0 });
    assert.equal(result.perGroup.size, 0);
  });
});
