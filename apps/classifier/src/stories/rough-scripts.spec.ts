import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hangulToLatin } from './hangul.js';
import { katakanaToLatin } from './katakana.js';
import { namesInWords } from './name-match.js';
import { nameSkeleton, roughSkeleton } from './name-skeleton.js';
import { nameWordsOf } from './name-words.js';

const rough = (name: string) => `~${roughSkeleton(nameSkeleton(name)!)}`;

describe('katakana and Hangul names', () => {
  it('spell katakana and Hangul in Latin letters', () => {
    assert.equal(katakanaToLatin('オベチキン'), 'obechikin');
    assert.equal(katakanaToLatin('ガギグ'), 'gagigu');
    assert.equal(hangulToLatin('오베치킨'), 'obechikin');
    assert.equal(hangulToLatin('워싱턴'), 'woshingteon');
  });

  it("give a Japanese text's katakana runs and a Korean text's words as rough skeletons", () => {
    const japanese = nameWordsOf('アレックス・オベチキンはワシントンで897ゴール目を決めた。');
    assert.deepEqual(japanese, [rough('Alex'), rough('Ovechkin'), rough('Washington')]);
    const korean = nameWordsOf('알렉스 오베치킨은 골을 넣었다');
    assert.ok(korean.includes(rough('Alex')), korean.join(', '));
    assert.ok(korean.includes(rough('Ovechkin')), 'the particle 은 adds a vowel and n');
  });

  it('meet names through their rough skeletons: l and r, b, v, f and p are one', () => {
    assert.equal(roughSkeleton('klvrn'), 'krbrn');
    assert.equal(roughSkeleton('shmhr'), 'shmh');
    const words = nameWordsOf('カリフォルニアとシューマッハ');
    const names = new Set(['klvrn', 'shmhr', 'alks avhkn']);
    assert.equal(namesInWords(words, names, new Set()), 2);
    assert.equal(namesInWords(words, new Set(['mrsdz']), new Set()), 0);
  });
});
