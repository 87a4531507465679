import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../model/paths.js';
import { topicSkeleton } from './features.js';
import { SUBJECT_CUES_FILE, SubjectCues, type SubjectCueTable } from './subject-cues.js';

const ECONOMY = '04000000';
const CONFLICT = '16000000';
const DISASTER = '03000000';

const table = {
  en: { [CONFLICT]: ['war$', 'wars$', 'troops'], [ECONOMY]: ['inflat', 'interest rate'] },
  de: { [CONFLICT]: ['~krieg'], [ECONOMY]: ['inflation'] },
  ja: { [DISASTER]: ['~地震'] },
};
const cues = new SubjectCues(table);
const codes = (text: string, language: string) =>
  cues.subjects(topicSkeleton(text), language).map((s) => s.code);

describe('SubjectCues', () => {
  it('reads a cue as a word start, and as a whole word where it ends with $', () => {
    assert.deepEqual(codes('Inflationary pressure rose', 'en'), [ECONOMY]);
    assert.deepEqual(codes('A warm welcome and a wary crowd', 'en'), []);
    assert.deepEqual(codes('The wars of the roses', 'en'), [CONFLICT]);
    assert.deepEqual(codes('Troopship arrivals', 'en'), [CONFLICT]);
  });

  it('matches multi-word cues across punctuation, as the skeleton writes them', () => {
    assert.deepEqual(codes('Interest-rate rise', 'en'), [ECONOMY]);
  });

  it('reads each word of a multi-word cue as a word start, and `$` of its last word', () => {
    const found = (cue: string, text: string) =>
      new SubjectCues({ uk: { [CONFLICT]: [cue] } })
        .subjects(topicSkeleton(text), 'uk')
        .map((s) => s.code);
    assert.deepEqual(found('ракетн удар', 'Росія завдала ракетного удару по Києву'), [CONFLICT]);
    assert.deepEqual(found('ракетн удар', 'ракетного запуску'), []);
    assert.deepEqual(found('ракетн удар$', 'ракетний удар по місту'), [CONFLICT]);
    assert.deepEqual(found('ракетн удар$', 'ракетного удару'), []);
  });

  it('uses only the text language’s cues: German "war" is "was"', () => {
    assert.deepEqual(codes('Es war einmal ein König', 'de'), []);
    assert.deepEqual(codes('Es war einmal ein König', 'en'), [CONFLICT]);
    assert.deepEqual(codes('Anything at all', 'und'), []);
  });

  it('lends a language without cues its closest relative’s: Slovak reads Czech ones', () => {
    const czech = new SubjectCues({ cs: { [CONFLICT]: ['válk'] }, id: { [ECONOMY]: ['inflasi'] } });
    const found = (text: string, language: string) =>
      czech.subjects(topicSkeleton(text), language).map((s) => s.code);
    assert.deepEqual(found('Vojna a válka na východe', 'sk'), [CONFLICT]);
    assert.deepEqual(found('Kadar inflasi meningkat', 'ms'), [ECONOMY]);
    assert.deepEqual(found('Vojna a válka na východe', 'pl'), []);
  });

  it('finds ~ cues inside words: German compounds, Japanese', () => {
    assert.deepEqual(codes('Der Bürgerkrieg dauerte Jahre', 'de'), [CONFLICT]);
    assert.deepEqual(codes('大地震が発生した', 'ja'), [DISASTER]);
  });

  it('scores by the number of distinct cues: one cue is a hint, several a topic', () => {
    const [one] = cues.subjects(topicSkeleton('Troops moved'), 'en');
    const [three] = cues.subjects(topicSkeleton('Troops at war; more troops, more wars'), 'en');
    assert.deepEqual(one, { code: CONFLICT, cues: 1, score: 0.3, inTitle: false });
    assert.deepEqual(three, { code: CONFLICT, cues: 3, score: 0.75, inTitle: false });
  });

  it('tells which subjects have a cue before the end of the title', () => {
    const skeleton = topicSkeleton('Troops withdrawn. Inflation fell after the troops left');
    const titleEnd = topicSkeleton('Troops withdrawn').length - 1;
    const found = cues.subjects(skeleton, 'en', titleEnd);
    assert.deepEqual(Object.fromEntries(found.map((s) => [s.code, s.inTitle])), {
      [CONFLICT]: true,
      [ECONOMY]: false,
    });
  });

  it('refuses a one-letter word-start cue, which would match every word starting with it, and reads a one-letter cue inside words', () => {
    assert.throws(
      () => new SubjectCues({ en: { [ECONOMY]: ['a$'] } }),
      /subject cue "a\$": a word start needs two letters/,
    );
    const frost = new SubjectCues({ ja: { [DISASTER]: ['~霜'] } });
    assert.deepEqual(
      frost.subjects(topicSkeleton('初霜が降りた'), 'ja').map((s) => s.code),
      [DISASTER],
    );
  });

  it('orders subjects by the cues found', () => {
    const found = cues.subjects(topicSkeleton('Inflation during the war, troops unpaid'), 'en');
    assert.deepEqual(
      found.map((s) => [s.code, s.cues]),
      [
        [CONFLICT, 2],
        [ECONOMY, 1],
      ],
    );
  });
});

describe('the shipped cue lists', () => {
  const shipped = SubjectCues.load();
  const top = (text: string, language: string) =>
    shipped.subjects(topicSkeleton(text), language)[0]?.code;

  it('cover the languages they name, each finding its own words', () => {
    assert.equal(
      top('Shares slid as the central bank raised interest rates to fight inflation', 'en'),
      ECONOMY,
    );
    assert.equal(
      top(
        'La Bourse recule, les investisseurs craignent une hausse des taux d’intérêt de la banque centrale',
        'fr',
      ),
      ECONOMY,
    );
    assert.equal(
      top(
        'Ein schweres Erdbeben erschütterte die Region, Rettungskräfte suchen nach Verschütteten',
        'de',
      ),
      DISASTER,
    );
    assert.equal(top('Войска перешли границу, начались бомбардировки и бои', 'ru'), CONFLICT);
    assert.equal(top('強い地震で津波警報が出され、住民が避難した', 'ja'), DISASTER);
    assert.equal(
      top('Policía detuvo al sospechoso del asesinato; el juez lo envió a prisión', 'es'),
      '02000000',
    );
    assert.equal(top('气象台预报明天有暴雨，气温下降', 'zh'), '17000000');
    assert.equal(top('ارتفع التضخم وقرر البنك المركزي رفع أسعار الفائدة', 'ar'), ECONOMY);
    assert.equal(
      top('Deprem sonrası kurtarma ekipleri enkazda arama yapıyor, tahliye sürüyor', 'tr'),
      DISASTER,
    );
    assert.equal(top('Facket varslar om strejk när lönerna inte höjs', 'sv'), '09000000');
    assert.equal(top('ภูเขาไฟระเบิดและแผ่นดินไหวทำให้ต้องอพยพประชาชน', 'th'), DISASTER);
    assert.equal(top('भारी बारिश और आंधी की चेतावनी, मौसम विभाग ने कहा', 'hi'), '17000000');
    assert.equal(
      top('Wanajeshi waasi walishambulia kambi ya jeshi, vita vinaendelea', 'sw'),
      CONFLICT,
    );
  });

  it('have cue words for each of the 44 SIB-200 languages (Chinese counts once)', () => {
    assert.equal(shipped.languages().length, 43);
    for (const code of ['en', 'kk', 'ky', 'tg', 'uz', 'hy', 'ka', 'bn', 'ur', 'sw', 'th']) {
      assert.ok(shipped.languages().includes(code), code);
    }
  });

  it('name only the ten IPTC subjects SIB-200 has no category for, each in every language', () => {
    const file = join(modelsDir(), SUBJECT_CUES_FILE);
    const table = JSON.parse(readFileSync(file, 'utf8')) as SubjectCueTable;
    const ten = ['02', '03', '04', '05', '06', '09', '12', '14', '16', '17'].map(
      (s) => `${s}000000`,
    );
    for (const [language, subjects] of Object.entries(table)) {
      assert.deepEqual(Object.keys(subjects).sort(), ten, language);
      for (const [subject, list] of Object.entries(subjects)) {
        assert.ok(list.length >= 5, `${language} ${subject}: ${list.length} cues`);
      }
    }
  });
});
