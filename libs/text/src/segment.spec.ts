import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { containsUnspacedScript, segmentForIndex } from './segment.js';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('segmentForIndex', () => {
  it('returns text in spaced scripts unchanged (same string)', () => {
    for (const text of [
      'Élections à Paris : le « oui » l’emporte',
      'Выборы в Москве',
      '서울 뉴스',
      '',
    ]) {
      assert.equal(segmentForIndex(text, 'fr'), text);
    }
  });

  it('splits Japanese into words', () => {
    const out = words(segmentForIndex('東京都で大きな地震が発生しました。', 'ja'));
    for (const word of ['東京', '地震', '発生']) assert.ok(out.includes(word), `${word} in ${out}`);
    assert.equal(out.join(''), '東京都で大きな地震が発生しました。');
  });

  it('splits Chinese, Thai, Lao, Khmer and Burmese into words', () => {
    const cases: [string, string, string][] = [
      ['zh', '北京市今天发布了新闻', '新闻'],
      ['th', 'ภาษาไทยง่ายนิดเดียว', 'ไทย'],
      ['lo', 'ພາສາລາວ', 'ລາວ'],
      ['km', 'ខ្ញុំស្រលាញ់ប្រទេសកម្ពុជា', 'កម្ពុជា'],
      ['my', 'မြန်မာစာ', 'စာ'],
    ];
    for (const [language, text, word] of cases) {
      const out = words(segmentForIndex(text, language));
      assert.ok(out.length > 1 && out.includes(word), `${language}: ${out}`);
    }
  });

  it('detects the scripts when the language is unknown or wrong', () => {
    assert.deepEqual(segmentForIndex('地震が発生', undefined), segmentForIndex('地震が発生', 'ja'));
    assert.ok(words(segmentForIndex('Tokyo: 地震が発生', 'en')).includes('地震'));
  });

  it('separates adjacent runs of different scripts and neighbouring Latin or digits', () => {
    assert.deepEqual(words(segmentForIndex('ພາສາລາວប្រទេសកម្ពុជា')), [
      'ພາສາ',
      'ລາວ',
      'ប្រទេស',
      'កម្ពុជា',
    ]);
    assert.deepEqual(words(segmentForIndex('2020年iPhoneを買った')).slice(0, 3), [
      '2020',
      '年',
      'iPhone',
    ]);
  });

  it('keeps the Latin parts of mixed text byte-for-byte', () => {
    const out = segmentForIndex('Sony (ソニー) reports', 'en');
    assert.ok(out.startsWith('Sony (') && out.endsWith(') reports'), out);
  });

  it('containsUnspacedScript tells which texts need segmenting', () => {
    assert.equal(containsUnspacedScript('hello мир'), false);
    assert.equal(containsUnspacedScript('hello 世界'), true);
    assert.equal(containsUnspacedScript('สวัสดี'), true);
  });
});
