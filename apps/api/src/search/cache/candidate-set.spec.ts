import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CandidateSet, type CandidateRow } from './candidate-set.js';

/** Candidate n: published n hours into 2025, rank n % 7, id ordered like n. */
function row(n: number, change: Partial<CandidateRow> = {}): CandidateRow {
  const hours = String(n).padStart(2, '0');
  return {
    id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    rank: n % 7,
    publishedAt: `2025-01-02T${hours}:00:00.000000Z`,
    language: n % 2 ? 'en' : 'fr',
    topics: [`t${n % 3}`],
    places: n % 4 ? ['FR'] : [],
    feedId: `feed-${n % 2}`,
    ...change,
  };
}
const ids = (rows: CandidateRow[] | undefined) => rows?.map((r) => Number(r.id.slice(-12)));
const rows = (...ns: number[]) => ns.map((n) => row(n));

describe('CandidateSet', () => {
  it('keeps the newest `capacity` matches and pages them newest first after a cursor', () => {
    const set = new CandidateSet(rows(3, 9, 1, 7, 5), 4);
    assert.equal(set.complete, false);
    assert.deepEqual(ids(set.page('newest', undefined, 3)), [9, 7, 5]);
    const cursor = { sort: 'newest' as const, publishedAt: row(7).publishedAt, id: row(7).id };
    assert.deepEqual(ids(set.page('newest', cursor, 2)), [5, 3]);
    // Past the prefix it holds, an incomplete set cannot tell.
    assert.equal(set.page('newest', cursor, 3), undefined);
  });

  it('ranks by score then id, pages after a relevance cursor', () => {
    const set = new CandidateSet(rows(1, 2, 8, 9, 13), 10);
    // Ranks: 1→1, 2→2, 8→1, 9→2, 13→6.
    assert.deepEqual(ids(set.page('relevance', undefined, 10)), [13, 9, 2, 8, 1]);
    const cursor = { sort: 'relevance' as const, rank: 2, id: row(2).id };
    assert.deepEqual(ids(set.page('relevance', cursor, 10)), [8, 1]);
    assert.equal(
      set.page('relevance', { sort: 'newest', publishedAt: 'x', id: 'y' }, 5),
      undefined,
    );
  });

  it('admits a newer match, dropping the oldest, and leaves out an older one', () => {
    const set = new CandidateSet(rows(4, 5, 6), 3);
    set.apply(
      ['10', '1'].map((n) => row(Number(n)).id),
      [row(10), row(1)],
    );
    assert.deepEqual(ids(set.page('newest', undefined, 3)), [10, 6, 5]);
    assert.equal(set.servesRanking(), true);
  });

  it('a complete set takes every match, and stops being complete past its capacity', () => {
    const set = new CandidateSet(rows(4, 6), 3);
    assert.equal(set.complete, true);
    set.apply([row(1).id], [row(1)]);
    assert.deepEqual(ids(set.page('newest', undefined, 5)), [6, 4, 1]);
    assert.equal(set.complete, true);
    set.apply([row(9).id], [row(9)]);
    assert.equal(set.complete, false);
    assert.deepEqual(ids(set.page('newest', undefined, 3)), [9, 6, 4]);
  });

  it('drops a candidate that no longer matches and then refuses to rank', () => {
    const set = new CandidateSet(rows(4, 5, 6), 3);
    set.apply([row(5).id], []);
    assert.deepEqual(ids(set.page('newest', undefined, 2)), [6, 4]);
    assert.equal(set.servesRanking(), false);
    assert.equal(set.page('relevance', undefined, 2), undefined);
  });

  it('moves a re-dated candidate to its new place', () => {
    const set = new CandidateSet(rows(4, 5, 6), 3);
    const moved = row(4, { publishedAt: '2025-01-03T00:00:00.000000Z' });
    set.apply([moved.id], [moved]);
    assert.deepEqual(ids(set.page('newest', undefined, 3)), [4, 6, 5]);
  });

  it('counts facets over the newest `scan` candidates, with their total', () => {
    const set = new CandidateSet(rows(1, 2, 3, 4, 5), 5);
    const tally = (scan: number) =>
      Object.fromEntries(set.facets(scan)!.map((f) => [`${f.facet}:${f.value}`, f.count]));
    assert.deepEqual(tally(3), {
      'total:': 3,
      'languages:en': 2,
      'languages:fr': 1,
      'topics:t2': 1,
      'topics:t1': 1,
      'topics:t0': 1,
      'places:FR': 2,
      'feeds:feed-1': 2,
      'feeds:feed-0': 1,
    });
    const partial = new CandidateSet(rows(1, 2, 3, 4, 5), 4);
    assert.equal(partial.facets(5), undefined);
    assert.equal(partial.facets(4)![0]!.count, 4);
  });

  it('hands out the same counts until the set changes, then counts again', () => {
    const set = new CandidateSet(rows(1, 2, 3), 5);
    const first = set.facets(5)!;
    assert.equal(set.facets(5), first);
    assert.notEqual(set.facets(2), first);
    const added = row(4);
    set.apply([added.id], [added]);
    const after = set.facets(5)!;
    assert.equal(after[0]!.count, 4);
    assert.equal(first[0]!.count, 3);
  });
});
