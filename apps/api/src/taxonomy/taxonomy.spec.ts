import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Taxonomy } from './taxonomy.js';

describe('Taxonomy', () => {
  const taxonomy = Taxonomy.load();

  it('finds countries by their names in many languages, in any case', () => {
    for (const name of ['Kazakhstan', 'Казахстан', 'kazakhstan', ' KAZAKHSTAN ', 'カザフスタン']) {
      assert.deepEqual(taxonomy.placesNamed(name), ['KZ'], name);
    }
  });

  it('finds cities by their names, every city of a shared name, and countries before cities', () => {
    const almaty = taxonomy.cities.find((c) => c.name === 'Almaty')!;
    assert.deepEqual(taxonomy.placesNamed('Алматы'), [almaty.code]);
    const cordoba = taxonomy.placesNamed('Córdoba');
    assert.ok(cordoba.length >= 2, JSON.stringify(cordoba));
    const countries = cordoba.map((code) => taxonomy.cities.find((c) => c.code === code)!.country);
    assert.ok(countries.includes('AR') && countries.includes('ES'), countries.join());
    // Singapore is a country and a city: the name asks for the country.
    assert.deepEqual(taxonomy.placesNamed('Singapore'), ['SG']);
    assert.deepEqual(taxonomy.placesNamed('Atlantis'), []);
  });

  it('maps entity aliases in any language to the canonical names documents store', () => {
    for (const alias of ['Токаев', 'Tokaïev', 'tokayev']) {
      assert.deepEqual(taxonomy.entitiesNamed(alias), ['Kassym-Jomart Tokayev'], alias);
    }
    assert.deepEqual(taxonomy.entitiesNamed('ОДКБ'), ['CSTO']);
    assert.deepEqual(taxonomy.entitiesNamed('CSTO'), ['CSTO']);
    assert.deepEqual(taxonomy.entitiesNamed('Julian Nagelsmann'), []);
  });

  it('lists places without their many names', () => {
    assert.deepEqual(Object.keys(taxonomy.countries[0]!).sort(), ['code', 'name']);
    assert.deepEqual(Object.keys(taxonomy.cities[0]!).sort(), ['code', 'country', 'name']);
  });
});
