import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dictdEntry } from './lexicons.js';

describe('dictdEntry', () => {
  it('pairs the headword with each translation and skips pronunciations, parts of speech and glosses', () => {
    const entry =
      'Aasia /ˈaːsɪa/ <pn>\nAsia\nEuroopan ja Tyynen valtameren välissä sijaitseva maanosa';
    assert.deepEqual(dictdEntry(entry), [{ head: 'Aasia', translation: 'Asia' }]);
  });

  it('reads comma-separated translations and numbered senses', () => {
    const entry = [
      'beget //biˈɡɛt// //bəˈɡɛt// <v>',
      'пораждам, предизвиквам',
      'to father',
      'Balinese //ˈbɑːlɪniːz// <n>',
    ].join('\n');
    assert.deepEqual(dictdEntry(entry), [
      { head: 'beget', translation: 'пораждам' },
      { head: 'beget', translation: 'предизвиквам' },
    ]);
    const senses =
      'excoriate /ɪkˈskɔɹ.iˌeɪt/ <v>\n1. hudflette 2.\nto strip the skin\n 2. kritisere\nto criticise';
    assert.deepEqual(
      dictdEntry(senses).map((p) => p.translation),
      ['hudflette', 'kritisere'],
    );
  });

  it('drops the stress marks Wiktionary writes on Russian and Bulgarian words', () => {
    const entry = 'windmill /ˈwɪndmɪl/ <n>\nветряна́я ме́льница\na mill';
    assert.deepEqual(dictdEntry(entry), [{ head: 'windmill', translation: 'ветряная мельница' }]);
  });
});
