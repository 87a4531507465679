import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageDetector } from './detect.js';

const detector = LanguageDetector.load();

describe('LanguageDetector', () => {
  const cases: [string, string][] = [
    ['Президент Казахстана провёл встречу с премьер-министром', 'ru'],
    ['Президент України провів зустріч з прем’єр-міністром', 'uk'],
    ['Le président du Kazakhstan a rencontré le Premier ministre', 'fr'],
    ['Der Präsident Kasachstans traf sich mit dem Ministerpräsidenten', 'de'],
    ['Regeringen har besluttet at hæve skatten på benzin', 'da'],
    ['Hükümet yeni ekonomik önlemleri açıkladı', 'tr'],
    ['الرئيس يلتقي رئيس الوزراء في العاصمة', 'ar'],
    ['카자흐스탄 대통령이 총리를 만났다', 'ko'],
    ['東京で新しい法律が成立した', 'ja'],
    ['哈萨克斯坦总统会见总理', 'zh'],
  ];
  for (const [text, code] of cases) {
    it(`detects ${code}`, () => assert.equal(detector.detect(text).code, code));
  }

  it('returns und with zero confidence for empty, digits and garbage', () => {
    for (const text of ['', '   ', '12345 678', '\u0000\u0001\ufffd\ufffd', '!!!???']) {
      assert.deepEqual(detector.detect(text), { code: 'und', confidence: 0 });
    }
  });

  it('handles a 5 MB text quickly', () => {
    const big = 'Le gouvernement a annoncé de nouvelles mesures. '.repeat(110_000);
    const t0 = performance.now();
    assert.equal(detector.detect(big).code, 'fr');
    assert.ok(performance.now() - t0 < 500);
  });
});
