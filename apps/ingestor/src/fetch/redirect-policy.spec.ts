import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  type MoveState,
  declaredMove,
  observeRedirects,
  permanentTarget,
} from './redirect-policy.js';
import type { RedirectHop } from '#net';

const hop = (status: number, to: string, from = 'https://old.example/feed'): RedirectHop => ({
  from,
  to,
  status,
});

describe('permanentTarget', () => {
  const table: ReadonlyArray<
    readonly [name: string, chain: RedirectHop[], target: string | undefined]
  > = [
    ['no redirect', [], undefined],
    ['one 301', [hop(301, 'https://new.example/feed')], 'https://new.example/feed'],
    ['one 308', [hop(308, 'https://new.example/feed')], 'https://new.example/feed'],
    [
      '301 then 308',
      [hop(301, 'https://a.example/'), hop(308, 'https://b.example/')],
      'https://b.example/',
    ],
    ['one 302', [hop(302, 'https://new.example/feed')], undefined],
    ['one 307', [hop(307, 'https://new.example/feed')], undefined],
    ['one 303', [hop(303, 'https://new.example/feed')], undefined],
    ['301 then 302', [hop(301, 'https://a.example/'), hop(302, 'https://b.example/')], undefined],
    ['307 then 301', [hop(307, 'https://a.example/'), hop(301, 'https://b.example/')], undefined],
  ];
  for (const [name, chain, target] of table) {
    it(name, () => assert.equal(permanentTarget(chain), target));
  }
});

describe('observeRedirects', () => {
  const moved = [hop(301, 'https://new.example/feed')];
  const run = (chains: RedirectHop[][], threshold = 3) => {
    let state: MoveState = { streak: 0 };
    const moves: (string | undefined)[] = [];
    for (const chain of chains) {
      const decision = observeRedirects(state, chain, threshold);
      state = decision.state;
      moves.push(decision.moveTo);
    }
    return { state, moves };
  };

  it('moves only on the third consecutive permanent redirect', () => {
    const { moves, state } = run([moved, moved, moved]);
    assert.deepEqual(moves, [undefined, undefined, 'https://new.example/feed']);
    assert.deepEqual(state, { streak: 0 });
  });

  it('never moves on temporary redirects', () => {
    const temporary = [hop(302, 'https://new.example/feed')];
    assert.deepEqual(run([temporary, temporary, temporary, temporary]).moves, [
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('restarts the count when a fetch is not redirected', () => {
    assert.deepEqual(run([moved, moved, [], moved, moved]).moves.filter(Boolean), []);
  });

  it('restarts the count when the target changes', () => {
    const elsewhere = [hop(301, 'https://other.example/feed')];
    const { moves, state } = run([moved, moved, elsewhere]);
    assert.deepEqual(moves, [undefined, undefined, undefined]);
    assert.deepEqual(state, { candidateUrl: 'https://other.example/feed', streak: 1 });
  });

  it('honours a custom threshold', () => {
    assert.deepEqual(run([moved], 1).moves, ['https://new.example/feed']);
  });
});

describe('declaredMove (itunes:new-feed-url)', () => {
  const current = 'https://old.example/feed';
  const table: ReadonlyArray<readonly [value: string | undefined, expected: string | undefined]> = [
    [undefined, undefined],
    ['', undefined],
    ['https://new.example/feed', 'https://new.example/feed'],
    ['  https://new.example/feed  ', 'https://new.example/feed'],
    ['/podcast.xml', 'https://old.example/podcast.xml'],
    ['https://old.example/feed', undefined],
    ['https://old.example/feed#x', undefined],
    ['ftp://new.example/feed', undefined],
    ['javascript:alert(1)', undefined],
    ['http://[bad', undefined],
  ];
  for (const [value, expected] of table) {
    it(`${JSON.stringify(value)} -> ${expected}`, () =>
      assert.equal(declaredMove(current, value), expected));
  }
});
