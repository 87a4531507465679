import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LinearModel } from '../model/linear-model.js';
import { UNKNOWN_PIECE } from './bert-pieces.js';
import { TOPIC_MODEL_FILE } from './topic-classifier.js';
import { TopicPieces, type TopicPiecesData } from './topic-pieces.js';

/** Two labels: "goal" says sports, "ballot" politics, "##s" little. */
function tinyData(): TopicPiecesData {
  return {
    labels: ['politics', 'sports'],
    bias: [0.5, -0.5],
    scale: 0.1,
    weight: 0.5,
    meta: {},
    pieces: [UNKNOWN_PIECE, 'ballot', 'goal', '##s'],
    logits: Int8Array.from([0, 0, 40, -40, -20, 60, 5, 5]),
    weights: Uint8Array.from([255, 255, 51, 0]),
  };
}

describe('TopicPieces', () => {
  it('computes logits as the weighted mean of the pieces’ rows, scaled, plus the bias', () => {
    const pieces = new TopicPieces(tinyData());
    // ballot (w 1): 40, -40; goal (w 0.2): -20, 60; goals' "##s" weighs nothing.
    const z = pieces.logits('ballot goals')!;
    assert.ok(Math.abs(z[0] - (((40 - 0.2 * 20) / 1.2) * 0.1 + 0.5)) < 1e-9);
    assert.ok(Math.abs(z[1] - (((-40 + 0.2 * 60) / 1.2) * 0.1 - 0.5)) < 1e-9);
  });

  it('has no answer for a text without pieces; an unknown word is the unknown piece', () => {
    const pieces = new TopicPieces(tinyData());
    assert.equal(pieces.logits(' \n'), undefined);
    assert.deepEqual([...pieces.logits('referendum')!], [0.5, -0.5]);
  });

  it('pools its softmax into other probabilities as (p * q^w)^(1/(1+w)), renormalised', () => {
    const pieces = new TopicPieces(tinyData());
    const z = pieces.logits('goal')!;
    const q = [...z].map((v) => Math.exp(v) / (Math.exp(z[0]) + Math.exp(z[1])));
    const p = [0.7, 0.3];
    const raw = p.map((pk, k) => (pk * q[k] ** 0.5) ** (1 / 1.5));
    const expected = raw.map((v) => v / (raw[0] + raw[1]));
    const mixed = pieces.mix(p, 'goal');
    mixed.forEach((v, k) => assert.ok(Math.abs(v - expected[k]) < 1e-9));
    assert.deepEqual(pieces.mix(p, 'goal', 0), p);
    assert.deepEqual(pieces.mix(p, ' \n'), p);
  });

  it('reads back from its file what it was given', () => {
    const data = tinyData();
    const back = TopicPieces.fromFile(TopicPieces.serialize(data));
    assert.equal(back.weight, 0.5);
    assert.deepEqual(back.logits('ballot goal'), new TopicPieces(data).logits('ballot goal'));
  });

  it('rejects tables of inconsistent sizes', () => {
    assert.throws(() => new TopicPieces({ ...tinyData(), weights: Uint8Array.from([1]) }), /sizes/);
  });
});

describe('the shipped topic pieces', () => {
  const pieces = TopicPieces.loadIfPresent();
  const model = LinearModel.load(TOPIC_MODEL_FILE);

  it('ship with the topic model and count beside it', () => {
    assert.ok(pieces, 'topic-pieces.bin.gz is in the models folder');
    assert.ok(pieces.weight > 0);
    assert.deepEqual([...pieces.labels], model.header.labels);
  });

  // Written for this test in nine languages: the pieces alone, no word of them looked up in a
  // table of words, still read most of them right.
  const cases: [string, string][] = [
    ['Вратарь отразил пенальти на последней минуте матча', 'sports'],
    ['Der Torwart hielt den Elfmeter in der Nachspielzeit', 'sports'],
    ['골키퍼가 경기 종료 직전 페널티킥을 막아냈다', 'sports'],
    ['Les députés ont voté la motion de censure contre le gouvernement', 'politics'],
    ['Парламент проголосовал за отставку премьер-министра', 'politics'],
    ['Los médicos recomiendan vacunar a los niños contra el sarampión', 'health'],
    ['Lekarze ostrzegają przed epidemią grypy w szpitalach', 'health'],
    ['Astronomowie odkryli nową planetę krążącą wokół odległej gwiazdy', 'science/technology'],
    ['Il festival del cinema ha premiato il film del regista esordiente', 'entertainment'],
    ['Turistas podem visitar as praias e os hotéis da ilha durante o verão', 'travel'],
  ];

  it('read most of nine languages’ sentences right by the pieces alone', () => {
    const right = cases.filter(([text, expected]) => {
      const z = pieces!.logits(text)!;
      return pieces!.labels[z.indexOf(Math.max(...z))] === expected;
    });
    assert.ok(right.length >= 7, `right: ${right.map(([t]) => t).join(' | ')}`);
  });
});
