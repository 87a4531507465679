import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageDetector } from './detect.js';
import { pickLanguage } from './declared-language.js';

describe('pickLanguage', () => {
  it("takes the feed's language where the detection names a close relative of it", () => {
    assert.deepEqual(pickLanguage({ code: 'da', confidence: 0.66 }, 'nb-NO'), {
      code: 'nb',
      confidence: 0.66,
    });
    assert.equal(pickLanguage({ code: 'cs', confidence: 0.995 }, 'sk').code, 'sk');
    assert.equal(pickLanguage({ code: 'id', confidence: 1 }, 'ms_MY').code, 'ms');
    assert.equal(pickLanguage({ code: 'hr', confidence: 0.9 }, 'sr').code, 'sr');
    assert.equal(pickLanguage({ code: 'nl', confidence: 0.8 }, 'af').code, 'af');
  });

  it('keeps a confident detection of a language unrelated to the declared one', () => {
    assert.deepEqual(pickLanguage({ code: 'de', confidence: 0.97 }, 'en'), {
      code: 'de',
      confidence: 0.97,
    });
    assert.equal(pickLanguage({ code: 'en', confidence: 0.9 }, 'sv').code, 'en');
    assert.equal(pickLanguage({ code: 'ru', confidence: 0.9 }, 'uk').code, 'ru');
  });

  it("takes the feed's language where the detection is unsure, at least 0.3 confident", () => {
    assert.deepEqual(pickLanguage({ code: 'und', confidence: 0.1 }, 'fr'), {
      code: 'fr',
      confidence: 0.3,
    });
    assert.equal(pickLanguage({ code: 'es', confidence: 0.55 }, 'it').code, 'it');
  });

  it('reads a declared Norwegian without a written standard as Bokmål', () => {
    assert.deepEqual(pickLanguage({ code: 'nb', confidence: 0.9 }, 'no'), {
      code: 'nb',
      confidence: 0.9,
    });
    assert.equal(pickLanguage({ code: 'und', confidence: 0 }, 'no-NO').code, 'nb');
    assert.equal(pickLanguage({ code: 'nb', confidence: 0.9 }, 'nn').code, 'nn');
  });

  it('ignores a missing or malformed declaration', () => {
    const detected = { code: 'da', confidence: 0.5 };
    for (const feedLanguage of [undefined, '', 'english', '12', 'x', '  ']) {
      assert.deepEqual(pickLanguage(detected, feedLanguage), detected, String(feedLanguage));
    }
  });

  it('gives a Slovak and a Norwegian feed their own language for text read as a relative', () => {
    const detector = LanguageDetector.load();
    const slovak =
      'Vláda Slovenskej republiky schválila v stredu návrh rozpočtu na budúci rok, ktorý počíta s nižším deficitom.';
    const norwegian =
      'Forskerne antydet at, selv om dette var halen til en dinosaur, viste prøven fjærdrakten til en voksen fugl.';
    // No Slovak model: its text reads as Czech, confidently.
    assert.equal(detector.detect(slovak).code, 'cs');
    assert.equal(pickLanguage(detector.detect(slovak), 'sk').code, 'sk');
    // Danish or Bokmål alike, the Norwegian feed's declaration decides: Bokmål.
    assert.equal(pickLanguage(detector.detect(norwegian), 'no').code, 'nb');
    assert.equal(pickLanguage(detector.detect(slovak), 'de').code, 'cs');
  });
});
