import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameSkeleton } from './name-skeleton.js';
import { nameWordsOf } from './name-words.js';

describe('nameWordsOf', () => {
  it("gives the skeletons of a caseless script's words, each once, in order", () => {
    const words = nameWordsOf('एलेक्स ओवेच्किन ने 897वां गोल किया। ओवेच्किन ने एवगेनी मल्किन के साथ खेला।');
    assert.deepEqual(words, ['alks', 'avhkn', 'avjn', 'mlkn']);
    assert.ok(words.includes(nameSkeleton('Ovechkin')!));
  });

  it('drops the Arabic article before a name', () => {
    assert.deepEqual(nameWordsOf('زار الكرملين'), [nameSkeleton('Kremlin')]);
  });

  it('gives nothing for scripts with capital letters, whose names are found as names', () => {
    assert.deepEqual(nameWordsOf('Alex Ovechkin scored his 897th goal'), []);
    assert.deepEqual(nameWordsOf('Алекс Овечкин забил 897-й гол'), []);
  });

  it('keeps the first 48 words of a long text', () => {
    const letters = 'कगजटडनपस';
    const word = (i: number) =>
      `म${letters[i % 8]}${letters[(i >> 3) % 8]}${letters[(i >> 6) % 8]}`;
    const text = Array.from({ length: 200 }, (_, i) => word(i)).join(' ');
    const words = nameWordsOf(text);
    assert.equal(words.length, 48);
    const firstDistinct = [...new Set(text.split(' ').flatMap((w) => nameSkeleton(w) ?? []))].slice(
      0,
      48,
    );
    assert.deepEqual(words, firstDistinct);
  });
});
