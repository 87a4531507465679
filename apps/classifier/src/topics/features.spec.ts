import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TOPIC_FEATURES, topicAnchors, topicFeatures, topicSkeleton } from './features.js';
import { TopicClassifier } from './topic-classifier.js';

function features(text: string, anchors: string[] = [], bigrams = false): number[] {
  const out = { buf: new Uint32Array(4) };
  const n = topicFeatures(
    topicSkeleton(text),
    out,
    { ...DEFAULT_TOPIC_FEATURES, bigrams },
    anchors,
  );
  return [...out.buf.subarray(0, n)].sort((a, b) => a - b);
}

describe('topic features', () => {
  it('keeps character n-grams inside words, so a text is the union of its words', () => {
    assert.deepEqual(
      features('Ab, cd!'),
      [...features('ab'), ...features('cd')].sort((a, b) => a - b),
    );
  });

  it('adds word bigrams only when configured', () => {
    assert.equal(features('ab cd', [], true).length, features('ab cd').length + 1);
  });

  it('gives unspaced scripts single-character and character-pair features', () => {
    // " 经济 ": n-grams " 经", " 经济", " 经济 ", "经济", "经济 ", "济 " + word + 2 singles + 1 pair.
    assert.equal(features('经济').length, 6 + 1 + 3);
    assert.equal(features('ab').length, 6 + 1);
  });

  it('adds each anchor token with its weight, the same whatever the language of the text', () => {
    const anchors = topicAnchors(
      { countries: [{ code: 'KZ', name: 'Kazakhstan', score: 1 }], cities: [] },
      [{ name: 'Токаев', type: 'person', canonical: 'Kassym-Jomart Tokayev' }],
    );
    assert.deepEqual(anchors, [
      'country:KZ',
      'place',
      'entity:kassym-jomart tokayev',
      'type:person',
    ]);
    const withAnchors = features('x', anchors);
    assert.equal(
      withAnchors.length,
      features('x').length + anchors.length * DEFAULT_TOPIC_FEATURES.anchorWeight,
    );
    const fromRussian = features('y', anchors).filter((f) => !features('y').includes(f));
    const fromFrench = features('z', anchors).filter((f) => !features('z').includes(f));
    assert.deepEqual(fromRussian, fromFrench);
  });
});

describe('TopicClassifier (shipped model)', () => {
  const topics = TopicClassifier.load();
  const cases: [string, string][] = [
    [
      'The striker scored twice as the national team won the football match in the final minutes.',
      'sports',
    ],
    ['球队在比赛最后几分钟打进两球，赢得了足球比赛的胜利。', 'sports'],
    ['選手たちはサッカーの試合で二得点を挙げ、チームが勝利した。', 'sports'],
    [
      'Les médecins recommandent la vaccination pour réduire les infections virales chez les patients.',
      'health',
    ],
    [
      'Парламент принял закон после голосования, предложенного правительством и президентом.',
      'politics',
    ],
  ];
  for (const [text, expected] of cases) {
    it(`${expected}: ${text.slice(0, 30)}…`, () =>
      assert.equal(topics.bestCategory(text), expected));
  }

  it('reads its feature settings from the model file', () => {
    assert.equal(topics.features.charMax, DEFAULT_TOPIC_FEATURES.charMax);
    assert.equal(topics.model.header.bits, 22);
  });
});
