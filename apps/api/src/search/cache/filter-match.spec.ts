import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SearchFilters } from '../query/index.js';
import { matchesFilters, type FilterFields } from './filter-match.js';

const FEED = '0b7c2a52-4a8e-4c55-9d1e-2f0b8e1c9a10';
const document: FilterFields = {
  language: 'fr',
  topics: ['medtop:11000000', 'medtop:04000000'],
  places: ['KZ', 'geonames:1526384'],
  entities: ['csto'],
  feedId: FEED,
  publishedAt: '2026-03-01T12:00:00.000500Z',
};
const none: SearchFilters = { lang: [], topic: [], place: [], entity: [], feed: [] };
const passes = (filters: Partial<SearchFilters>) =>
  matchesFilters({ ...none, ...filters }, document);

describe('matchesFilters', () => {
  it('passes a document with no filters', () => {
    assert.equal(passes({}), true);
  });

  it('wants one of the languages and one of the feeds, whatever the uuid case', () => {
    assert.equal(passes({ lang: ['en', 'fr'] }), true);
    assert.equal(passes({ lang: ['en'] }), false);
    assert.equal(passes({ feed: [FEED.toUpperCase()] }), true);
    assert.equal(passes({ feed: ['11111111-1111-4111-8111-111111111111'] }), false);
  });

  it('wants an overlap of topics, places and entities, and all filters at once', () => {
    assert.equal(passes({ topic: ['medtop:15000000', 'medtop:04000000'] }), true);
    assert.equal(passes({ topic: ['medtop:15000000'] }), false);
    assert.equal(passes({ place: ['geonames:1526384'] }), true);
    assert.equal(passes({ place: ['FR'] }), false);
    assert.equal(passes({ entity: ['csto'] }), true);
    assert.equal(passes({ entity: ['nato'] }), false);
    assert.equal(passes({ lang: ['fr'], place: ['KZ'], entity: ['nato'] }), false);
  });

  it('keeps since inclusive and until exclusive, to the microsecond', () => {
    const at = (text: string) => new Date(text);
    assert.equal(passes({ since: at('2026-03-01T12:00:00.000Z') }), true);
    assert.equal(passes({ since: at('2026-03-01T12:00:00.001Z') }), false);
    assert.equal(passes({ until: at('2026-03-01T12:00:00.001Z') }), true);
    assert.equal(passes({ until: at('2026-03-01T12:00:00.000Z') }), false);
  });
});
