import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LinearModel } from '../model/linear-model.js';
import { packModelFile, unpackModelFile } from '../model/model-file.js';
import { topicSkeleton } from './features.js';
import { TOPIC_MODEL_FILE, TopicClassifier } from './topic-classifier.js';
import { Taxonomy } from './taxonomy.js';
import { TopicVectors, vectorTokens, type TopicVectorsData } from './topic-vectors.js';

/** Two labels; English knows "goal" (label 0) and "ballot" (label 1); French its own words. */
function tinyData(): TopicVectorsData {
  return {
    labels: ['politics', 'sports'],
    bias: [0.5, -0.5],
    scale: 0.1,
    meta: {},
    languages: [
      {
        code: 'en',
        lambda: 1,
        prefixFallback: false,
        words: ['ballot', 'goal'],
        logits: Int8Array.from([40, -40, -20, 60]),
        weights: Uint8Array.from([255, 51]),
      },
      {
        code: 'fr',
        lambda: 0.5,
        prefixFallback: true,
        words: ['vaccin'],
        logits: Int8Array.from([-10, 10]),
        weights: Uint8Array.from([255]),
      },
    ],
  };
}

describe('TopicVectors', () => {
  it('computes logits as the weighted mean of the known words’ rows, scaled, plus the bias', () => {
    const vectors = new TopicVectors(tinyData());
    const z = vectors.logits(topicSkeleton('Ballot, goal and an unknown word'), 'en');
    assert.ok(z);
    // weights 1 and 0.2: mean row = (40 + 0.2 * -20) / 1.2 = 30, (-40 + 0.2 * 60) / 1.2 = -23.33
    assert.ok(Math.abs(z[0] - (30 * 0.1 + 0.5)) < 1e-9);
    assert.ok(Math.abs(z[1] - ((-28 / 1.2) * 0.1 - 0.5)) < 1e-9);
  });

  it('knows nothing for a text without known words or for a language without vectors', () => {
    const vectors = new TopicVectors(tinyData());
    assert.equal(vectors.logits(topicSkeleton('nothing here'), 'en'), undefined);
    assert.equal(vectors.logits(topicSkeleton('ballot'), 'de'), undefined);
    assert.equal(vectors.lambda('de'), 0);
  });

  it('keeps each language’s words apart', () => {
    const vectors = new TopicVectors(tinyData());
    assert.equal(vectors.logits(topicSkeleton('vaccin'), 'en'), undefined);
    assert.equal(vectors.logits(topicSkeleton('ballot'), 'fr'), undefined);
  });

  it('lends an inflected form its longest known prefix where the language allows it', () => {
    const vectors = new TopicVectors(tinyData());
    assert.ok(vectors.logits(topicSkeleton('les vaccinations'), 'fr'));
    assert.equal(vectors.logits(topicSkeleton('vacci'), 'fr'), undefined); // shorter than the word
    assert.equal(vectors.logits(topicSkeleton('ballots goals'), 'en'), undefined); // English: exact
  });

  it('mixes into the n-gram probabilities by the language’s lambda, and leaves the rest alone', () => {
    const vectors = new TopicVectors(tinyData());
    const even = [0.5, 0.5];
    const mixed = vectors.combine(even, topicSkeleton('goal'), 'en');
    assert.ok(mixed[1] > 0.5, `goal leans to sports: ${mixed}`);
    assert.ok(Math.abs(mixed[0] + mixed[1] - 1) < 1e-12);
    assert.deepEqual(vectors.combine(even, topicSkeleton('goal'), 'en', 0), even);
    assert.deepEqual(vectors.combine(even, topicSkeleton('goal'), 'de'), even);
    assert.deepEqual(vectors.combine(even, topicSkeleton('nothing'), 'en'), even);
    const half = vectors.combine(even, topicSkeleton('vaccin'), 'fr');
    const full = vectors.combine(even, topicSkeleton('vaccin'), 'fr', 1);
    assert.ok(half[1] > 0.5 && full[1] > half[1], 'a larger lambda moves further');
  });

  it('reads Han and Kana runs as character pairs and Thai runs as triples where asked', () => {
    const skeleton = topicSkeleton('我喜欢足球 iPhone発売 ฟุตบอลโลก 中');
    assert.deepEqual(vectorTokens(skeleton, true), [
      '我喜',
      '喜欢',
      '欢足',
      '足球',
      'iphone',
      '発売',
      'ฟุต',
      'ุตบ',
      'ตบอ',
      'บอล',
      'อลโ',
      'ลโล',
      'โลก',
      '中',
    ]);
    assert.deepEqual(vectorTokens(skeleton, false), ['我喜欢足球', 'iphone発売', 'ฟุตบอลโลก', '中']);
  });

  it('looks a character-gram language’s pairs up inside an unspaced clause', () => {
    const data = tinyData();
    data.languages.push({
      code: 'zh',
      lambda: 1,
      prefixFallback: false,
      charGrams: true,
      words: ['足球'],
      logits: Int8Array.from([-30, 30]),
      weights: Uint8Array.from([255]),
    });
    const vectors = TopicVectors.fromFile(TopicVectors.serialize(data));
    const z = vectors.logits(topicSkeleton('我们昨晚看了足球比赛'), 'zh');
    assert.ok(z && z[1] > z[0], 'the pair 足球 leans to sports');
    assert.equal(vectors.logits(topicSkeleton('我们昨晚看了电影'), 'zh'), undefined);
  });

  it('round-trips through its file format and refuses a damaged one', () => {
    const bytes = TopicVectors.serialize(tinyData());
    const again = TopicVectors.fromFile(bytes);
    const original = new TopicVectors(tinyData());
    for (const [text, language] of [
      ['goal ballot', 'en'],
      ['Ballot, goal and an unknown word', 'en'],
      ['les vaccinations', 'fr'],
    ]) {
      const skeleton = topicSkeleton(text);
      assert.deepEqual(again.logits(skeleton, language), original.logits(skeleton, language));
    }
    assert.equal(again.lambda('fr'), 0.5);
    const broken = tinyData();
    broken.languages[0].weights = Uint8Array.from([1]);
    assert.throws(() => new TopicVectors(broken), /inconsistent table sizes/);
    const { header, body } = unpackModelFile<object>(bytes);
    const cut = packModelFile(header, [body.subarray(0, body.length - 1)]);
    assert.throws(() => TopicVectors.fromFile(cut), /body is 20 bytes, not 21/);
  });
});

describe('the shipped topic vectors', () => {
  const vectors = TopicVectors.loadIfPresent();
  const model = LinearModel.load(TOPIC_MODEL_FILE);
  const topics = new TopicClassifier(model, Taxonomy.load(), {}, undefined, undefined, vectors);

  it('ship with the topic model, with English among their languages', () => {
    assert.ok(vectors, 'topic-vectors.bin.gz is in the models folder');
    assert.ok(vectors.lambda('en') > 0);
    assert.deepEqual([...vectors.labels], model.header.labels);
  });

  // Each sentence rests on words none of SIB-200's English training sentences uses (striker,
  // clinched, goalkeeper, stoppage, backpackers, exoplanet ...): what GloVe knows of them decides.
  const cases: [string, string][] = [
    ['The striker scored twice as the visitors clinched the league title', 'sports'],
    ['The goalkeeper saved a penalty in stoppage time', 'sports'],
    ['Backpackers can hike the coastal trail and camp at beaches along the way', 'travel'],
    ['Paediatricians warn that measles outbreaks spread among unvaccinated toddlers', 'health'],
    ['Cardiologists recommend statins for patients with high cholesterol', 'health'],
    ['Astronomers detected a faint exoplanet orbiting a red dwarf', 'science/technology'],
    ['Senators filibustered the bill before the midterm elections', 'politics'],
    ['The glacier carved a fjord between steep granite cliffs', 'geography'],
  ];
  for (const [text, category] of cases) {
    it(`reads "${text}" as ${category}`, () => {
      assert.equal(topics.bestCategory(text, [], 'en'), category);
    });
  }

  // Goalkeepers and strikers in words SIB-200's train sentences of those languages never use
  // (Stürmer, portero, вратарь, bramkarz, maalivahti): the dictionaries' alignments decide; the
  // n-gram model alone reads them as travel, health, travel, politics and travel.
  const translated: [string, string][] = [
    ['de', 'Der Stürmer traf zweimal, und die Gäste holten den Meistertitel'],
    ['es', 'El portero detuvo un penalti en el tiempo de descuento'],
    ['ru', 'Вратарь отразил пенальти в компенсированное время'],
    ['pl', 'Bramkarz obronił rzut karny w doliczonym czasie gry'],
    ['fi', 'Maalivahti torjui rangaistuspotkun lisäajalla'],
  ];
  for (const [language, text] of translated) {
    it(`reads the ${language} "${text}" as sports`, () => {
      assert.equal(topics.bestCategory(text, [], language), 'sports');
    });
  }
});
