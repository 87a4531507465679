import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Classification } from '../classify/classifier.js';
import type { StoredFingerprint } from './enrichment-store.js';
import {
  candidateKeysOf,
  chooseStory,
  fingerprintOfStored,
  linkingKeysOf,
  storyKeysOf,
} from './story-link.js';

const HOUR = 3600_000;
const NOW = new Date('2026-11-20T12:00:00Z');

function signature(seed: number, shared = 128): number[] {
  // Positions below `shared` agree with seed 0's signature; the rest differ per seed.
  return Array.from(
    { length: 128 },
    (_, i) => (i < shared ? i * 7919 + 1 : seed * 100_000 + i) >>> 0,
  );
}

function classification(over: Partial<Classification> = {}): Classification {
  return {
    language: { code: 'en', confidence: 0.99 },
    topics: [{ code: 'medtop:11000000', label: 'politics', score: 0.9 }],
    places: {
      countries: [{ code: 'KZ', name: 'Kazakhstan', score: 0.9 }],
      cities: [{ geonameId: 1526384, name: 'Almaty', countryCode: 'KZ', score: 0.9 }],
    },
    entities: [{ name: 'Tokayev', type: 'person', canonical: 'Kassym-Jomart Tokayev' }],
    numbers: ['247'],
    nameWords: [],
    simhash: '0123456789abcdef',
    minhash: signature(0),
    classifierVersion: 'test',
    ...over,
  };
}

function stored(
  id: string,
  c: Classification,
  over: Partial<StoredFingerprint> = {},
): StoredFingerprint {
  return {
    articleId: id,
    simhash: c.simhash,
    // As PostgreSQL integer[] returns them: signed.
    minhash: c.minhash.map((v) => v | 0),
    storyKeys: storyKeysOf(c),
    storyId: id,
    nearDuplicateOf: null,
    publishedAt: NOW,
    ...over,
  };
}

const unrelatedText = { simhash: 'fedcba9876543210', minhash: signature(9, 0) };

describe('fingerprintOfStored', () => {
  it('rebuilds places, entities and unsigned MinHash from the persisted columns', () => {
    const c = classification({ minhash: [0xffffffff, 0x80000000, 5] });
    const fp = fingerprintOfStored(stored('a', c));
    assert.deepEqual(fp.countries, ['KZ']);
    assert.deepEqual(fp.cityIds, [1526384]);
    assert.deepEqual(
      fingerprintOfStored(stored('b', classification({ nameWords: ['avhkn'] }))).nameWords,
      ['avhkn'],
    );
    assert.deepEqual(fp.entities, ['ksm jmrt tkv']);
    assert.deepEqual(fp.numbers, ['247']);
    assert.deepEqual(fp.minhash, [0xffffffff, 0x80000000, 5]);
    assert.equal(fp.publishedAt, NOW.getTime());
  });
});

describe('chooseStory', () => {
  it('starts a new story when nothing is stored', () => {
    const choice = chooseStory('new', classification(), NOW, []);
    assert.deepEqual(choice, {
      storyId: 'new',
      nearDuplicateOf: null,
      decision: 'unrelated',
      linkedTo: null,
    });
  });

  it('links a near-duplicate to the original and its story, never dropping it', () => {
    const original = stored('orig', classification(), { storyId: 'story-1' });
    const choice = chooseStory('repost', classification(), new Date(NOW.getTime() + HOUR), [
      original,
    ]);
    assert.equal(choice.decision, 'near-duplicate');
    assert.equal(choice.storyId, 'story-1');
    assert.equal(choice.nearDuplicateOf, 'orig');
  });

  it('points a repost of a repost at the first original', () => {
    const repost = stored('repost', classification(), { storyId: 'orig', nearDuplicateOf: 'orig' });
    const choice = chooseStory('third', classification(), NOW, [repost]);
    assert.equal(choice.nearDuplicateOf, 'orig');
    assert.equal(choice.storyId, 'orig');
  });

  it('links a translation (other text, same places and people) to the story without near-duplicate', () => {
    const original = stored('en', classification(), { storyId: 'story-1' });
    const french = classification({ language: { code: 'fr', confidence: 0.99 }, ...unrelatedText });
    const choice = chooseStory('fr', french, new Date(NOW.getTime() + 3 * HOUR), [original]);
    assert.equal(choice.decision, 'same-story');
    assert.equal(choice.storyId, 'story-1');
    assert.equal(choice.nearDuplicateOf, null);
  });

  it('keeps a same-topic article about other places and people in its own story', () => {
    const original = stored('en', classification(), { storyId: 'story-1' });
    const other = classification({
      ...unrelatedText,
      places: { countries: [{ code: 'FR', name: 'France', score: 0.9 }], cities: [] },
      entities: [{ name: 'Macron', type: 'person', canonical: 'Emmanuel Macron' }],
    });
    const choice = chooseStory('other', other, NOW, [original]);
    assert.deepEqual(choice, {
      storyId: 'other',
      nearDuplicateOf: null,
      decision: 'unrelated',
      linkedTo: null,
    });
  });

  it('does not link a translation published outside the story window', () => {
    const original = stored('en', classification(), {
      publishedAt: new Date(NOW.getTime() - 72 * HOUR),
    });
    const french = classification(unrelatedText);
    assert.equal(chooseStory('fr', french, NOW, [original]).decision, 'unrelated');
  });

  it('prefers a near-duplicate over a same-story candidate, and ignores itself', () => {
    const sameStory = stored('translation', classification(unrelatedText), { storyId: 'story-2' });
    const duplicate = stored('orig', classification(), { storyId: 'story-1' });
    const self = stored('me', classification(), { storyId: 'story-3' });
    const choice = chooseStory('me', classification(), NOW, [sameStory, self, duplicate]);
    assert.equal(choice.linkedTo, 'orig');
    assert.equal(choice.storyId, 'story-1');
  });

  it('between equal near-duplicates picks the earlier (the original)', () => {
    const later = stored('later', classification(), {
      publishedAt: new Date(NOW.getTime() + HOUR),
    });
    const earlier = stored('earlier', classification(), {
      publishedAt: new Date(NOW.getTime() - HOUR),
    });
    assert.equal(
      chooseStory('x', classification(), NOW, [later, earlier]).nearDuplicateOf,
      'earlier',
    );
  });

  it('on a replay the original stays the original of its reposts', () => {
    const repost = stored('repost', classification(), { storyId: 'orig', nearDuplicateOf: 'orig' });
    const choice = chooseStory('orig', classification(), NOW, [repost]);
    assert.equal(choice.storyId, 'orig');
    assert.equal(choice.nearDuplicateOf, null);
  });
});

describe('linkingKeysOf', () => {
  it("keeps the cities and entities a link needs, and the entities' words; not countries or figures", () => {
    assert.deepEqual(linkingKeysOf(storyKeysOf(classification())), [
      'g:1526384',
      'e:ksm jmrt tkv',
      'p:jmrt',
      'p:~jmrt',
    ]);
  });

  it('keeps the words of a text without capital letters', () => {
    const hindi = classification({ entities: [], nameWords: ['avhkn', 'prshnskn'] });
    assert.deepEqual(linkingKeysOf(storyKeysOf(hindi)), ['g:1526384', 'w:avhkn', 'w:prshnskn']);
  });
});

describe('candidateKeysOf', () => {
  it("looks names' words up among texts' words and texts' words among names' words", () => {
    assert.deepEqual(candidateKeysOf(['g:1', 'e:alks avhkn', 'p:avhkn', 'w:mlkn']), [
      'g:1',
      'e:alks avhkn',
      'w:avhkn',
      'p:mlkn',
    ]);
  });
});
