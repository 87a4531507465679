import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../model/paths.js';
import { PlaceRecognizer } from './places.js';

describe('PlaceRecognizer', () => {
  const places = PlaceRecognizer.load();
  const codesOf = (text: string, language: string) =>
    places.recognize('', text, language, []).countries.map((c) => c.code);

  it('names countries by their current ISO 3166-1 codes, never withdrawn ones', () => {
    const text =
      'Talks between Russia, Germany, France, Serbia, Vietnam, Yemen, Benin, Zimbabwe and Myanmar.';
    assert.deepEqual(codesOf(text, 'en').sort(), [
      'BJ',
      'DE',
      'FR',
      'MM',
      'RS',
      'RU',
      'VN',
      'YE',
      'ZW',
    ]);
    assert.deepEqual(codesOf('Переговоры России, Германии и Франции.', 'ru').sort(), [
      'DE',
      'FR',
      'RU',
    ]);
  });

  it('ships only codes ISO 3166-1 still assigns', () => {
    const file = JSON.parse(readFileSync(join(modelsDir(), 'places.json'), 'utf8')) as {
      countries: { code: string }[];
    };
    const withdrawn = file.countries
      .map((c) => c.code)
      .filter((code) => Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`);
    assert.deepEqual(withdrawn, []);
    assert.equal(file.countries.length, 249);
  });
});
