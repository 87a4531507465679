import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CandidateRow } from './candidate-set.js';
import { microseconds, PackedCandidates, utcTextOf } from './packed-candidates.js';

const rows: CandidateRow[] = [
  {
    id: 'f29e534c-2353-4399-b328-db0b01a631ec',
    rank: -3.25,
    publishedAt: '2026-11-20T08:00:00.123456Z',
    language: 'fr',
    topics: ['medtop:11000000', 'medtop:04000000'],
    places: ['KZ'],
    feedId: '5f1e4642-e6c9-4727-a452-6f70fab65239',
  },
  {
    id: '0a9e534c-2353-4399-b328-db0b01a631ec',
    rank: 1e-7,
    publishedAt: '1999-12-31T23:59:59.999999Z',
    language: 'fr',
    topics: ['medtop:11000000', 'medtop:04000000'],
    places: [],
    feedId: '5f1e4642-e6c9-4727-a452-6f70fab65239',
  },
];

describe('PackedCandidates', () => {
  it('gives back every field as it was given, times to the microsecond', () => {
    const packed = new PackedCandidates(rows);
    assert.equal(packed.length, 2);
    assert.deepEqual(packed.rows(), rows);
    assert.equal(packed.ordered, true);
  });

  it('knows its ids, and only where a row starts', () => {
    const packed = new PackedCandidates(rows);
    assert.equal(packed.has(rows[0]!.id), true);
    assert.equal(packed.has(rows[1]!.id), true);
    assert.equal(packed.has('00000000-2353-4399-b328-db0b01a631ec'), false);
    // The second half of row 0 and the first half of row 1, side by side in memory.
    const hex = (id: string) => id.replaceAll('-', '');
    const straddling = `${hex(rows[0]!.id).slice(16)}${hex(rows[1]!.id).slice(0, 16)}`;
    const asUuid = `${straddling.slice(0, 8)}-${straddling.slice(8, 12)}-${straddling.slice(12, 16)}-${straddling.slice(16, 20)}-${straddling.slice(20)}`;
    assert.equal(packed.has(asUuid), false);
  });

  it('finds each of many ids, those sharing their first bytes too, in any case', () => {
    // Ten ids for each of 30 first-four-byte heads, given in no order.
    const idOf = (head: number, tail: number) =>
      `${(head * 0x07654321).toString(16).padStart(8, '0').slice(-8)}-0000-4000-8000-${tail.toString(16).padStart(12, '0')}`;
    const many = Array.from({ length: 300 }, (_, i) => ({
      ...rows[0]!,
      id: idOf((i * 7) % 30, i),
    }));
    const packed = new PackedCandidates(many);
    for (const row of many) assert.equal(packed.has(row.id), true, row.id);
    assert.equal(packed.has(many[42]!.id.toUpperCase()), true);
    assert.equal(packed.has(idOf(3, 300)), false);
    assert.equal(packed.has(idOf(31, 1)), false);
    assert.equal(packed.has('not-a-uuid'), false);
  });

  it('orders ids as PostgreSQL orders uuids and times by microsecond', () => {
    const packed = new PackedCandidates(rows);
    assert.ok(packed.compareIds(0, 1) > 0);
    assert.ok(packed.compareIds(1, 0) < 0);
    assert.equal(packed.compareIds(1, 1), 0);
    assert.equal(packed.time(0) - microseconds('2026-11-20T08:00:00.123455Z'), 1);
    assert.equal(
      utcTextOf(microseconds('1970-01-01T00:00:00.000001Z')),
      '1970-01-01T00:00:00.000001Z',
    );
  });

  it('shares the repeated facet values of its rows', () => {
    const packed = new PackedCandidates(rows);
    assert.equal(packed.facets(0).topics, packed.facets(1).topics);
  });

  it('marks a set with a time outside the text format as unable to page, and refuses non-uuids', () => {
    const exotic = new PackedCandidates([
      { ...rows[0]!, publishedAt: '12026-01-01T00:00:00.000000Z' },
    ]);
    assert.equal(exotic.ordered, false);
    assert.throws(
      () => new PackedCandidates([{ ...rows[0]!, id: 'article-1' }]),
      /not a lower-case uuid/,
    );
  });
});
