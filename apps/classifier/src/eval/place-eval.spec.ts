import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Places } from '../places/places.js';
import { evaluatePlaces } from './place-eval.js';

const places = (countries: string[], cities: number[] = []): Places => ({
  countries: countries.map((code) => ({ code, name: code, score: 1 })),
  cities: cities.map((geonameId) => ({ geonameId, name: '', countryCode: '', score: 1 })),
});

describe('evaluatePlaces', () => {
  it('scores each translation against the places of its English sentence', () => {
    const result = evaluatePlaces([
      { id: 1, group: 'eng_Latn', language: 'en', places: places(['KZ'], [1526384]) },
      { id: 1, group: 'rus_Cyrl', language: 'ru', places: places(['KZ', 'RU'], [1526384]) },
      { id: 1, group: 'fra_Latn', language: 'fr', places: places(['KZ']) },
      { id: 2, group: 'eng_Latn', language: 'en', places: places([]) },
      { id: 2, group: 'fra_Latn', language: 'fr', places: places(['ID']) },
      { id: 3, group: 'fra_Latn', language: 'fr', places: places(['FR']) },
    ]);
    assert.deepEqual(result.counts, { agreed: 3, extra: 2, missed: 1 });
    assert.equal(result.precision, 3 / 5);
    assert.equal(result.recall, 3 / 4);
    assert.deepEqual(result.perGroup.get('rus_Cyrl'), { precision: 2 / 3, recall: 1 });
    assert.deepEqual(result.perGroup.get('fra_Latn'), { precision: 1 / 2, recall: 1 / 2 });
  });
});
