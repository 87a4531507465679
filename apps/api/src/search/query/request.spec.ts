import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SearchInputError } from './errors.js';
import { parseFilters } from './filters.js';
import { parseSearchRequest, searchContext } from './request.js';
import type { RawParams } from './params.js';

function rejects(params: RawParams, parameter: string, pattern: RegExp): void {
  assert.throws(
    () => parseSearchRequest(params, { vocabulary: { topics: new Set(['medtop:11000000']) } }),
    (error: unknown) => {
      assert.ok(error instanceof SearchInputError, String(error));
      assert.equal(error.parameter, parameter);
      assert.match(error.message, pattern);
      const body = error.toResponse();
      assert.equal(body.statusCode, 400);
      assert.equal(body.parameter, parameter);
      return true;
    },
  );
}

describe('parseSearchRequest', () => {
  it('accepts a query with defaults: relevance, 20 results', () => {
    const request = parseSearchRequest({ q: 'élections' });
    assert.equal(request.limit, 20);
    assert.equal(request.sort, 'relevance');
    assert.equal(request.query.text, 'élections');
  });

  it('accepts an empty query with a filter, newest first', () => {
    const request = parseSearchRequest({ lang: 'fr,RU', place: ['fr', 'JP'] });
    assert.equal(request.query.ast, null);
    assert.equal(request.sort, 'newest');
    assert.deepEqual(request.filters.lang, ['fr', 'ru']);
    assert.deepEqual(request.filters.place, ['FR', 'JP']);
  });

  it('rejects an empty query without filters', () => {
    rejects({}, 'q', /q is required unless a filter/);
    rejects({ q: '   ' }, 'q', /q is required/);
    rejects({ lang: 'fr', sort: 'relevance' }, 'sort', /needs a query/);
  });

  it('rejects a page size of a million, zero, fractions and words', () => {
    for (const limit of ['1000000', '0', '2.5', 'ten', '-1', '1e6']) {
      rejects({ q: 'a', limit }, 'limit', /whole number from 1 to 100/);
    }
    assert.equal(parseSearchRequest({ q: 'a', limit: '100' }).limit, 100);
  });

  it('rejects a 10 kB query string and unknown or repeated parameters', () => {
    rejects({ q: 'x'.repeat(10_240) }, 'q', /10240 characters long/);
    rejects({ q: 'a', limt: '5' }, 'limt', /unknown parameter "limt"/);
    rejects({ q: 'a', limit: ['5', '6'] }, 'limit', /more than once/);
    rejects({ q: ['a', 'b'] }, 'q', /more than once/);
    rejects({ q: 'a', lang: { $ne: 'x' } }, 'lang', /plain values/);
  });

  it('rejects unknown filter values with what is expected', () => {
    rejects({ q: 'a', lang: 'frenchish' }, 'lang', /unknown language "frenchish".*ISO 639-1/);
    rejects({ q: 'a', lang: 'xx' }, 'lang', /unknown language "xx"/);
    rejects({ q: 'a', lang: 'xyz' }, 'lang', /unknown language "xyz".*639-3.*name/);
    rejects({ q: 'a', place: 'ZZ' }, 'place', /unknown place "ZZ"/);
    rejects({ q: 'a', topic: 'medtop:99999999' }, 'topic', /unknown topic/);
    rejects({ q: 'a', feed: '../etc' }, 'feed', /not a feed id/);
    rejects({ q: 'a', collapse: 'feed' }, 'collapse', /"story"/);
    rejects({ q: 'a', entity: 'x'.repeat(101) }, 'entity', /maximum is 100/);
    const many = 'ar,ca,da,de,el,en,es,eu,fi,fr,ga,hi,hu,hy,id,it,lt,nb,ne,nl,pt'.split(',');
    rejects({ q: 'a', lang: many }, 'lang', /21 values; the maximum is 20/);
  });

  it('takes the language codes the classifier stores: 639-3, und, and Norwegian as nb and nn', () => {
    assert.deepEqual(parseSearchRequest({ lang: 'cnr,FIL' }).filters.lang, ['cnr', 'fil']);
    assert.deepEqual(parseSearchRequest({ lang: 'und' }).filters.lang, ['und']);
    assert.deepEqual(parseSearchRequest({ lang: 'no' }).filters.lang, ['no', 'nb', 'nn']);
    assert.deepEqual(parseSearchRequest({ lang: 'nb,no' }).filters.lang, ['nb', 'no', 'nn']);
  });

  it('reads a language’s name in English, in a few other languages or in itself as its code', () => {
    const lang = (value: string) => parseSearchRequest({ lang: value }).filters.lang;
    assert.deepEqual(lang('French,Deutsch,русский'), ['fr', 'de', 'ru']);
    assert.deepEqual(lang('Französisch, japonais'), ['fr', 'ja']);
    assert.deepEqual(lang('日本語'), ['ja']);
    assert.deepEqual(lang('Norwegian'), ['no', 'nb', 'nn']);
  });

  it('resolves place names and entity aliases through the vocabulary', () => {
    const vocabulary = {
      places: new Set(['geonames:1526384']),
      placesNamed: (name: string) =>
        ({ almaty: ['geonames:1526384'], córdoba: ['geonames:3860259', 'geonames:2519240'] })[
          name.toLowerCase()
        ] ?? [],
      entitiesNamed: (name: string) => (name === 'Токаев' ? ['Kassym-Jomart Tokayev'] : []),
    };
    const request = parseSearchRequest(
      { place: 'KZ,Almaty,geonames:1526384,Córdoba', entity: 'Токаев,Julian Nagelsmann' },
      { vocabulary },
    );
    assert.deepEqual(request.filters.place, [
      'KZ',
      'geonames:1526384',
      'geonames:3860259',
      'geonames:2519240',
    ]);
    assert.deepEqual(request.filters.entity, [
      'Токаев',
      'Kassym-Jomart Tokayev',
      'Julian Nagelsmann',
    ]);
    assert.throws(
      () => parseSearchRequest({ place: 'Atlantis' }, { vocabulary }),
      /unknown place "Atlantis".*city name/,
    );
  });

  it('rejects control characters in filter values', () => {
    rejects({ q: 'a', entity: 'Macron\u0000' }, 'entity', /control character/);
  });

  it('parses dates and date-times; until of a date includes that day', () => {
    const { since, until } = parseFilters({
      since: '2025-05-01T12:30:00+02:00',
      until: '2025-05-03',
    });
    assert.equal(since?.toISOString(), '2025-05-01T10:30:00.000Z');
    assert.equal(until?.toISOString(), '2025-05-04T00:00:00.000Z');
  });

  it('rejects bad dates and reversed ranges', () => {
    for (const since of [
      'yesterday',
      '2025-02-30',
      '2025-13-01',
      '2025-05-01T25:00:00Z',
      '1700-01-01',
      '2025-05-01T10:00',
    ]) {
      rejects({ q: 'a', since }, 'since', /date|1900/);
    }
    rejects({ q: 'a', since: '2025-05-02', until: '2025-05-01' }, 'since', /earlier than until/);
  });

  it('searchContext is the same for equivalent requests and differs otherwise', () => {
    const a = searchContext(parseSearchRequest({ q: 'paris  lyon', lang: 'fr,de' }));
    const b = searchContext(
      parseSearchRequest({ q: 'paris lyon', lang: ['de', 'fr'], limit: '5' }),
    );
    const c = searchContext(parseSearchRequest({ q: 'paris lyon', lang: 'fr' }));
    assert.equal(a, b);
    assert.notEqual(a, c);
  });
});
