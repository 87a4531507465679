import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlQuery } from '../search-sql.js';
import { ChangeFeed, type RunQuery } from './change-feed.js';
import { DocumentLexemes } from './lexeme-prefilter.js';

interface Reply {
  now: string;
  horizon: string;
  changes: string[];
}

/** A database answering reads from a script, one reply per read, recording each statement. */
function scripted(replies: Reply[]): { run: RunQuery; reads: SqlQuery[] } {
  const reads: SqlQuery[] = [];
  const run = (async (query: SqlQuery) => {
    reads.push(query);
    const reply = replies.shift();
    if (!reply) throw new Error('no more replies scripted');
    return [reply];
  }) as RunQuery;
  return { run, reads };
}

const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000000Z`;
/** indexed_at as the feed reads it: microseconds since the epoch. */
const micros = (second: number) => String(Date.parse(at(second)) * 1000);
const reply = (second: number, changes: string[] = []): Reply => ({
  now: at(second),
  horizon: micros(second - 5),
  changes,
});
const options = {
  overlapMs: 5000,
  maxChanges: 100,
  retained: 1000,
  documentsRetained: 0,
  maxStalenessMs: 0,
};
const ids = (changed: Map<string, unknown> | undefined) => changed && new Set(changed.keys());

describe('ChangeFeed', () => {
  it('keeps the documents of what changed, the newest change of an article standing for it', async () => {
    const replies: unknown[][] = [
      [reply(10)],
      [reply(11, [`a@${micros(11)}`, `b@${micros(11)}`])],
      [{ id: 'b', title: 'B', lexemes: '\u001fharbour\u001f' }],
      [reply(12, [`a@${micros(12)}`])],
      [{ id: 'a', title: 'A', lexemes: '\u001felection\u001f' }],
    ];
    const reads: SqlQuery[] = [];
    const run = (async (query: SqlQuery) => {
      reads.push(query);
      return replies.shift()!;
    }) as RunQuery;
    const feed = new ChangeFeed(run, { ...options, documentsRetained: 10 });
    const start = await feed.sync();
    await feed.sync();
    const end = await feed.sync();
    // The document reads ask for exactly the new changes.
    assert.deepEqual(reads[2]!.values, [['a', 'b']]);
    assert.deepEqual(reads[4]!.values, [['a']]);
    assert.deepEqual(
      feed.changedBetween(start, end),
      new Map([
        [
          'b',
          { lexemes: new DocumentLexemes('\u001fharbour\u001f'), hit: { id: 'b', title: 'B' } },
        ],
        [
          'a',
          { lexemes: new DocumentLexemes('\u001felection\u001f'), hit: { id: 'a', title: 'A' } },
        ],
      ]),
    );
    // A deleted article (no document came back) is unknown: its change must be re-read.
    assert.equal(feed.changedBetween(start, start + 1)!.get('a'), undefined);
    assert.equal(feed.documentOf('a')?.hit.title, 'A');
    assert.equal(feed.documentOf('b')?.hit.title, 'B');
    assert.equal(feed.documentOf('c'), undefined);
  });

  it('lists what was indexed after the first read, each version once despite the overlap', async () => {
    const { run, reads } = scripted([
      reply(10, ['ignored@' + micros(9)]),
      reply(11, [`a@${micros(10)}`, `b@${micros(11)}`]),
      // The look-back returns b again, and a new version of a.
      reply(12, [`b@${micros(11)}`, `a@${micros(12)}`]),
    ]);
    const feed = new ChangeFeed(run, options);
    const start = await feed.sync();
    assert.equal(start, 0);
    const second = await feed.sync();
    assert.deepEqual(ids(feed.changedBetween(start, second)), new Set(['a', 'b']));
    const third = await feed.sync();
    assert.deepEqual(ids(feed.changedBetween(second, third)), new Set(['a']));
    // The first read asks for the time only; later ones look back from the previous time.
    assert.equal(reads[0]!.values.length, 1);
    assert.deepEqual(reads[2]!.values.slice(1, 2), [at(11)]);
  });

  it('forgets every position after a burst too large to list', async () => {
    const burst = Array.from({ length: 100 }, (_, i) => `id${i}@${micros(11)}`);
    const { run } = scripted([reply(10), reply(11, burst), reply(12, [`z@${micros(12)}`])]);
    const feed = new ChangeFeed(run, options);
    const start = await feed.sync();
    const afterBurst = await feed.sync();
    assert.equal(feed.changedBetween(start, afterBurst), undefined);
    const next = await feed.sync();
    assert.deepEqual(ids(feed.changedBetween(afterBurst, next)), new Set(['z']));
  });

  it('remembers only the newest `retained` changes', async () => {
    const { run } = scripted([
      reply(10),
      reply(11, [`a@${micros(11)}`, `b@${micros(11)}`, `c@${micros(11)}`]),
    ]);
    const feed = new ChangeFeed(run, { ...options, retained: 2 });
    const start = await feed.sync();
    const end = await feed.sync();
    assert.equal(feed.changedBetween(start, end), undefined);
    assert.deepEqual(ids(feed.changedBetween(start + 1, end)), new Set(['b', 'c']));
  });

  it('makes a caller that arrives during a read wait for the next one, shared by all', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const run = (async () => {
      calls++;
      if (calls === 2) await new Promise<void>((resolve) => (release = resolve));
      return [reply(10 + calls, calls > 1 ? [`n${calls}@${at(10 + calls)}`] : [])];
    }) as RunQuery;
    const feed = new ChangeFeed(run, options);
    await feed.sync();
    const during = feed.sync();
    await new Promise((resolve) => setImmediate(resolve));
    const late = [feed.sync(), feed.sync()];
    release();
    const [first, ...rest] = await Promise.all([during, ...late]);
    assert.equal(first, 1);
    // The two late callers shared the third read, which started after they called.
    assert.deepEqual(rest, [2, 2]);
    assert.equal(calls, 3);
  });

  describe('with a staleness bound', () => {
    /** A feed whose reads are counted and whose clock the test moves. */
    function bounded(maxStalenessMs: number) {
      let time = 1000;
      let reads = 0;
      const run = (async () => {
        reads++;
        return [reply(10 + reads, [`n${reads}@${micros(10 + reads)}`])];
      }) as RunQuery;
      const feed = new ChangeFeed(run, { ...options, maxStalenessMs, clock: () => time });
      return {
        feed,
        reads: () => reads,
        advance: (ms: number) => (time += ms),
      };
    }

    it('answers from a read that started within the bound, and reads again past it', async () => {
      const { feed, reads, advance } = bounded(100);
      const first = await feed.sync();
      advance(99);
      assert.equal(await feed.sync(), first);
      assert.equal(reads(), 1);
      advance(2);
      assert.equal(await feed.sync(), first + 1);
      assert.equal(reads(), 2);
    });

    it('shares a running read that started within the bound instead of queueing another', async () => {
      const { feed, reads, advance } = bounded(100);
      await feed.sync();
      advance(500);
      const running = feed.sync();
      advance(50);
      const joined = feed.sync();
      assert.equal(await joined, await running);
      assert.equal(reads(), 2);
    });

    it('never answers from a read that started before an announced change', async () => {
      const { feed, reads, advance } = bounded(100);
      const first = await feed.sync();
      advance(10);
      feed.expire();
      assert.equal(await feed.sync(), first + 1);
      assert.equal(reads(), 2);
      // A read in flight when the change is announced cannot answer later callers either.
      advance(500);
      const inFlight = feed.sync();
      feed.expire();
      advance(1);
      const after = feed.sync();
      assert.equal(await inFlight, first + 2);
      assert.equal(await after, first + 3);
      assert.equal(reads(), 4);
      // ...nor become the read that answers within the bound.
      advance(10);
      assert.equal(await feed.sync(), first + 3);
      assert.equal(reads(), 4);
    });

    it('reads for every call when the bound is 0', async () => {
      const { feed, reads } = bounded(0);
      await feed.sync();
      await feed.sync();
      await feed.sync();
      assert.equal(reads(), 3);
    });
  });
});
