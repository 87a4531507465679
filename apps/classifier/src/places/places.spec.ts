import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../model/paths.js';
import { EntityRecognizer } from '../entities/entities.js';
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

  it('ignores names that are mostly ordinary words in the language, only there', () => {
    assert.deepEqual(codesOf('Anda bisa membeli tiket di stasiun.', 'id'), []);
    assert.deepEqual(codesOf('Os turistas chegaram cedo.', 'pt'), []);
    assert.deepEqual(codesOf('Jos haluat oppia heittämään bumerangia.', 'fi'), []);
    assert.deepEqual(codesOf('Калі вы хочаце навучыцца.', 'be'), []);
    assert.deepEqual(codesOf('The festival moved to Cali, Colombia.', 'en'), ['CO']);
    assert.deepEqual(codesOf('Os bairros de Osh, no Quirguistão.', 'pt').sort(), ['KG']);
  });

  it('finds places in Georgian, Hebrew, Arabic and Bengali text', () => {
    assert.deepEqual(codesOf('პრეზიდენტი ყაზახეთში ჩავიდა.', 'ka'), ['KZ']);
    assert.deepEqual(codesOf('הם טסו לאוסטרליה ובסין.', 'he').sort(), ['AU', 'CN']);
    assert.deepEqual(codesOf('مرتبطة بشكل حر بنيوزيلندا.', 'ar'), ['NZ']);
    assert.deepEqual(codesOf('তিনি অস্ট্রেলিয়ার রানী।', 'bn'), ['AU']);
  });

  it('finds declined multi-word country names', () => {
    assert.deepEqual(codesOf('Переговоры с Новой Зеландией и Южной Кореей.', 'ru').sort(), [
      'KR',
      'NZ',
    ]);
  });

  it('reads no place inside a known person or organisation name', () => {
    const withAliases = PlaceRecognizer.load().ignoreInside(EntityRecognizer.load());
    const citiesOf = (text: string) =>
      withAliases.recognize('', text, 'en').cities.map((c) => c.name);
    assert.deepEqual(citiesOf('Talks hosted by Vladimir Putin in Sochi.'), ['Sochi']);
    assert.deepEqual(citiesOf('The Shanghai Cooperation Organisation met.'), []);
    assert.deepEqual(citiesOf('The mayor of Vladimir met officials in Shanghai.').sort(), [
      'Shanghai',
      'Vladimir',
    ]);
  });

  it('reads no place inside the name of a newer or larger one', () => {
    const citiesOf = (text: string, language: string) =>
      places.recognize('', text, language).cities.map((c) => c.name);
    assert.deepEqual(citiesOf('Nova York, 24 set (EFE). O índice fechou em baixa.', 'pt'), [
      'New York City',
    ]);
    assert.deepEqual(citiesOf('Floods in New Brunswick, Canada.', 'en'), []);
    assert.deepEqual(citiesOf('Talks in Brunswick, Germany.', 'en'), ['Braunschweig']);
    assert.deepEqual(codesOf('Elections in New Mexico and New Jersey.', 'en'), []);
    assert.deepEqual(codesOf('Belfast is the capital of Northern Ireland.', 'en'), ['GB']);
    assert.deepEqual(codesOf('Skiing in North America and in Ireland.', 'en'), ['IE']);
    assert.deepEqual(codesOf('Belfast, capital de Irlanda del Norte.', 'es'), ['GB']);
    assert.deepEqual(citiesOf('A rally in North London.', 'en'), ['London']);
  });
});
