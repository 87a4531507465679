import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CandidateRow } from './candidate-set.js';
import type { HitRow } from '../search.repository.js';
import type { ChangeFeed, ChangedDocument, ChangedIds } from './change-feed.js';
import { DocumentLexemes } from './lexeme-prefilter.js';
import {
  ResultCache,
  searchCacheAdmissions,
  type CachedQuery,
  type CandidateLoader,
} from './result-cache.js';

/** A change feed whose position and changes the test sets. */
class FakeFeed {
  position = 0;
  changes: string[] = [];
  forgottenBefore = 0;
  sync = async () => this.position;
  documents = new Map<number, ChangedDocument>();
  changedBetween(from: number, to: number): ChangedIds {
    if (from < this.forgottenBefore) return undefined;
    const changed = new Map<string, ChangedDocument | undefined>();
    for (let p = from; p < to; p++) changed.set(this.changes[p]!, this.documents.get(p));
    return changed;
  }
  change(id: string, lexemes?: string): void {
    if (lexemes !== undefined) {
      this.documents.set(this.position, {
        lexemes: new DocumentLexemes(lexemes),
        hit: { id } as HitRow,
      });
    }
    this.changes.push(id);
    this.position++;
  }
}

/** Article `name` (one letter) as a uuid. */
const uuid = (name: string) =>
  `00000000-0000-0000-0000-${name.charCodeAt(0).toString(16).padStart(12, '0')}`;
const row = (name: string, hour: number): CandidateRow => ({
  id: uuid(name),
  rank: 0,
  publishedAt: `2025-01-01T${String(hour).padStart(2, '0')}:00:00.000000Z`,
  language: 'en',
  topics: [],
  places: [],
  feedId: 'f',
});

/** A loader over a mutable "database" of matching rows, counting its reads. */
function loader(matching: Map<string, CandidateRow>) {
  const counts = { builds: 0, rereads: 0 };
  const load: CandidateLoader = {
    build: async () => {
      counts.builds++;
      return [...matching.values()];
    },
    reread: async (ids) => {
      counts.rereads++;
      return [...matching.values()].filter((row) => ids.includes(row.id));
    },
  };
  return { load, counts };
}

/** The one-letter names of the entry's candidates, newest first. */
const newestIds = (entry: CachedQuery) =>
  entry.set
    .page('newest', undefined, 10)
    ?.map((r) => String.fromCharCode(parseInt(r.id.slice(-12), 16)));

describe('ResultCache', () => {
  it('builds a query once for concurrent callers, then answers from memory', async () => {
    const feed = new FakeFeed();
    const cache = new ResultCache(feed as unknown as ChangeFeed, 10);
    const { load, counts } = loader(new Map([['a', row('a', 1)]]));
    const answers = await Promise.all([1, 2, 3].map(() => cache.current('q', 5, load)));
    assert.equal(counts.builds, 1);
    assert.deepEqual(
      answers.map((a) => a.outcome),
      ['built', 'built', 'built'],
    );
    assert.equal((await cache.current('q', 5, load)).outcome, 'hit');
  });

  it('clear() forgets every entry, and a build in flight at the time is answered but not kept', async () => {
    const feed = new FakeFeed();
    const cache = new ResultCache(feed as unknown as ChangeFeed, 10);
    const matching = new Map([['a', row('a', 1)]]);
    const { load, counts } = loader(matching);
    await cache.current('q', 5, load);
    cache.clear();
    assert.equal(cache.size, 0);
    matching.delete('a');
    assert.deepEqual(newestIds((await cache.current('q', 5, load)).entry), []);
    assert.equal(counts.builds, 2);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: CandidateLoader = {
      ...load,
      build: async () => {
        await gate;
        return [row('b', 2)];
      },
    };
    const inFlight = cache.current('slow', 5, slow);
    await new Promise((resolve) => setImmediate(resolve));
    cache.clear();
    release();
    assert.deepEqual(newestIds((await inFlight).entry), ['b']);
    assert.equal(cache.size, 0, 'built before the clear: not kept');
  });

  it('re-reads only the changed articles, and rebuilds when the feed forgot them', async () => {
    const feed = new FakeFeed();
    const cache = new ResultCache(feed as unknown as ChangeFeed, 10);
    const matching = new Map([['a', row('a', 1)]]);
    const { load, counts } = loader(matching);
    await cache.current('q', 5, load);
    matching.set('b', row('b', 2));
    feed.change(uuid('b'));
    const caughtUp = await cache.current('q', 5, load);
    assert.equal(caughtUp.outcome, 'caught_up');
    assert.deepEqual(newestIds(caughtUp.entry), ['b', 'a']);
    assert.equal(counts.rereads, 1);
    matching.delete('a');
    feed.change(uuid('a'));
    feed.forgottenBefore = feed.position;
    const rebuilt = await cache.current('q', 5, load);
    assert.equal(rebuilt.outcome, 'built');
    assert.deepEqual(newestIds(rebuilt.entry), ['b']);
    assert.equal(counts.builds, 2);
  });

  it('drops changed articles whose lexemes cannot match without re-reading them', async () => {
    const feed = new FakeFeed();
    const cache = new ResultCache(feed as unknown as ChangeFeed, 10);
    const matching = new Map([
      ['a', row('a', 1)],
      ['b', row('b', 2)],
    ]);
    const { load, counts } = loader(matching);
    const filtered = {
      ...load,
      judge: ({ lexemes }: ChangedDocument) =>
        lexemes.text.includes('harbour') ? undefined : null,
    };
    await cache.current('q', 5, filtered);
    // b stopped matching (its lexemes say so); c is new and may match.
    matching.delete('b');
    matching.set('c', row('c', 3));
    feed.change(uuid('b'), '\u001fdrought\u001f');
    feed.change(uuid('c'), '\u001fharbour\u001f');
    const reread: string[][] = [];
    const spying = {
      ...filtered,
      reread: (ids: string[]) => (reread.push(ids), load.reread(ids)),
    };
    const { entry } = await cache.current('q', 5, spying);
    assert.deepEqual(reread, [[uuid('c')]]);
    assert.deepEqual(newestIds(entry), ['c', 'a']);
    assert.equal(counts.rereads, 1);
  });

  it('takes the rows its judge gives without re-reading them', async () => {
    const feed = new FakeFeed();
    const cache = new ResultCache(feed as unknown as ChangeFeed, 10);
    const { load, counts } = loader(new Map([['a', row('a', 1)]]));
    const judged = {
      ...load,
      judge: ({ lexemes, hit }: ChangedDocument) =>
        lexemes.text === 'in'
          ? { ...row('x', 4), id: hit.id }
          : lexemes.text === 'out'
            ? null
            : undefined,
    };
    await cache.current('q', 5, judged);
    feed.change(uuid('a'), 'out');
    feed.change(uuid('c'), 'in');
    const { entry, outcome } = await cache.current('q', 5, judged);
    assert.equal(outcome, 'caught_up');
    assert.deepEqual(newestIds(entry), ['c']);
    assert.equal(counts.rereads, 0);
    // Without a document (the feed did not read it) only a re-read can tell.
    feed.change(uuid('d'));
    await cache.current('q', 5, judged);
    assert.equal(counts.rereads, 1);
  });

  it('when full, lets a query in only in place of a less asked one (one-off queries pass through)', async () => {
    const feed = new FakeFeed();
    const cache = new ResultCache(feed as unknown as ChangeFeed, 2);
    const { load, counts } = loader(new Map([['a', row('a', 1)]]));
    const ask = async (key: string) => (await cache.current(key, 5, load)).outcome;
    const admissions = async () =>
      Object.fromEntries(
        (await searchCacheAdmissions.get()).values.map((v) => [v.labels.result, v.value]),
      );
    const before = await admissions();
    assert.deepEqual(
      [await ask('q1'), await ask('q2'), await ask('q1')],
      ['built', 'built', 'hit'],
    );
    // q3 asked once, the least recently used (q2) once too: q3 is answered, not kept.
    assert.equal(await ask('q3'), 'built');
    assert.equal(cache.size, 2);
    assert.equal(await ask('q2'), 'hit');
    // Now q1 is the least recently used, asked twice: q3 needs a third time to take its place.
    assert.equal(await ask('q3'), 'built');
    assert.equal(await ask('q3'), 'built');
    assert.equal(await ask('q3'), 'hit');
    assert.equal(await ask('q2'), 'hit');
    // q1 went out for q3, and asked a third time it is answered but not kept: q3 was asked more.
    assert.equal(await ask('q1'), 'built');
    assert.equal(counts.builds, 6);
    const after = await admissions();
    const counted = (result: string) => (after[result] ?? 0) - (before[result] ?? 0);
    assert.deepEqual([counted('kept'), counted('refused')], [3, 3]);
  });

  it('keeps display rows until their article changes', async () => {
    const feed = new FakeFeed();
    const cache = new ResultCache(feed as unknown as ChangeFeed, 10);
    const { load } = loader(new Map([['a', row('a', 1)]]));
    const { entry } = await cache.current('q', 5, load);
    let loads = 0;
    const hit = async (missing: string[]) => {
      loads++;
      return missing.map((id) => ({ id, title: `v${loads}` }) as never);
    };
    await cache.hits(entry, [uuid('a')], hit);
    assert.equal((await cache.hits(entry, [uuid('a')], hit))[0]!.title, 'v1');
    feed.change(uuid('a'));
    await cache.current('q', 5, load);
    assert.equal((await cache.hits(entry, [uuid('a')], hit))[0]!.title, 'v2');
  });

  it('keeps the display rows of the last two first pages, the oldest going first', async () => {
    const feed = new FakeFeed();
    const cache = new ResultCache(feed as unknown as ChangeFeed, 10);
    const { load } = loader(new Map([['a', row('a', 1)]]));
    const { entry } = await cache.current('q', 5, load);
    const asked: string[][] = [];
    const hit = async (missing: string[]) => {
      asked.push(missing);
      return missing.map((id) => ({ id }) as never);
    };
    const page = (from: number) => Array.from({ length: 21 }, (_, i) => `id-${from + i}`);
    await cache.hits(entry, page(0), hit);
    await cache.hits(entry, page(100), hit);
    await cache.hits(entry, page(0), hit);
    await cache.hits(entry, page(100), hit);
    assert.equal(asked.length, 2, 'both pages kept');
    await cache.hits(entry, page(200), hit);
    await cache.hits(entry, page(100), hit);
    assert.equal(asked.length, 3, 'the newer page stays');
    await cache.hits(entry, page(0), hit);
    assert.deepEqual(asked.at(-1), page(0), 'the oldest page went first');
  });
});
