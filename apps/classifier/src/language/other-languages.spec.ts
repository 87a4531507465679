import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageDetector } from './detect.js';
import { Lid176, preferOtherLanguage, type WideGuess } from './other-languages.js';

const known = new Set(['en', 'es', 'pt', 'hr', 'sr', 'id', 'ro', 'zh']);
const wide = (
  code: string,
  probability: number,
  others: Record<string, number> = {},
): WideGuess => ({
  code,
  probability,
  probabilityOf: (other) => others[other] ?? 0,
});

describe('preferOtherLanguage', () => {
  const spanish = { code: 'es', confidence: 0.56 };

  it('takes a confident answer in a language the models do not know', () => {
    assert.deepEqual(preferOtherLanguage(spanish, wide('ca', 0.9612, { es: 0.02 }), known), {
      code: 'ca',
      confidence: 0.961,
    });
    assert.deepEqual(
      preferOtherLanguage({ code: 'und', confidence: 0.2 }, wide('lt', 0.97), known),
      {
        code: 'lt',
        confidence: 0.97,
      },
    );
  });

  it('keeps the models’ answer for a language they know, or without a clear margin', () => {
    assert.equal(preferOtherLanguage(spanish, wide('pt', 0.9), known), spanish);
    assert.equal(preferOtherLanguage(spanish, wide('ca', 0.29), known), spanish);
    assert.equal(preferOtherLanguage(spanish, wide('ca', 0.5, { es: 0.2 }), known), spanish);
    assert.equal(preferOtherLanguage(spanish, undefined, known), spanish);
  });

  it('ignores what lid.176 cannot tell apart from a known standard or is known to confuse', () => {
    const croatian = { code: 'hr', confidence: 0.9 };
    assert.equal(preferOtherLanguage(croatian, wide('sh', 0.9), known), croatian);
    assert.equal(preferOtherLanguage(croatian, wide('bs', 0.9), known), croatian);
    const indonesian = { code: 'id', confidence: 0.99 };
    assert.equal(preferOtherLanguage(indonesian, wide('ms', 0.98), known), indonesian);
    const serbian = { code: 'sr', confidence: 0.9 };
    assert.equal(preferOtherLanguage(serbian, wide('mk', 0.9), known), serbian);
    // Macedonian read as Bulgarian is not such a pair.
    assert.deepEqual(
      preferOtherLanguage({ code: 'bg', confidence: 0.8 }, wide('mk', 0.98), known),
      {
        code: 'mk',
        confidence: 0.98,
      },
    );
  });
});

describe('LanguageDetector with lid.176', async () => {
  const models = LanguageDetector.load();
  const detector = models.withOthers(await Lid176.load());

  it('names languages no model here was trained on', () => {
    const cases: [string, string][] = [
      [
        'ca',
        "El Parlament de Catalunya debatrà dijous la proposta de pressupostos per a l'any vinent.",
      ],
      ['lt', 'Seimas dėl kitų metų biudžeto projekto balsuos po vasaros atostogų.'],
      ['et', 'Toiduainete hinnad tõusid oktoobris taas veidi, teatas statistikaamet.'],
      [
        'mk',
        'Цените на храната во октомври повторно малку пораснаа, соопшти заводот за статистика.',
      ],
      ['mr', 'हवामान विभागाने राज्यात मुसळधार पावसाचा इशारा दिला आहे.'],
    ];
    for (const [code, text] of cases) {
      assert.notEqual(models.detect(text).code, code, `the models alone cannot say ${code}`);
      assert.equal(detector.detect(text).code, code, text);
    }
  });

  it('keeps the models’ answers for their own languages and does not ask about short texts', () => {
    const cases: [string, string][] = [
      ['hr', 'Vlada je u četvrtak predstavila novi zakon o zdravstvenoj zaštiti građana.'],
      ['sr', 'Влада је у четвртак представила нови закон о здравственој заштити грађана.'],
      ['id', 'Pemerintah hari ini mengesahkan undang-undang kesehatan yang baru.'],
      ['en', 'The government approved a new health care law on Thursday.'],
    ];
    for (const [code, text] of cases) assert.equal(detector.detect(text).code, code, text);
    const shortTitle = 'Govern aprova el pla';
    assert.deepEqual(detector.detect(shortTitle), models.detect(shortTitle));
  });

  it('does not ask lid.176 where the publisher declares the language the models name', () => {
    let asked = 0;
    const counting = models.withOthers({
      identify: () => {
        asked++;
        return wide('et', 0.99);
      },
    });
    const estonianLooking =
      'Toiduainete hinnad tõusid oktoobris taas veidi, teatas statistikaamet.';
    const declared = models.detect(estonianLooking).code;
    assert.equal(counting.detect(estonianLooking, declared).code, declared);
    assert.equal(asked, 0);
    assert.equal(counting.detect(estonianLooking, 'de').code, 'et');
    assert.equal(counting.detect(estonianLooking).code, 'et');
    assert.equal(asked, 2);
  });
});
