import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NameIndex } from './name-index.js';
import { arabicUnprefixed, hebrewUnprefixed } from './glued-prefixes.js';

describe('NameIndex', () => {
  const index = new NameIndex<string>();
  index.add('東京', 'tokyo');
  index.add('東京都', 'tokyo-metropolis');
  index.add('カザフスタン', 'kazakhstan');
  index.add('กรุงเทพ', 'bangkok');
  index.add('Almaty', 'almaty');
  index.add('Kazakhstan', 'kazakhstan');
  const found = (text: string) => index.match(text, { inflect: true }).map((m) => m.value);

  it('finds names glued to particles in unspaced scripts, the longest key first', () => {
    assert.deepEqual(found('東京都でカザフスタンの大統領と会談した'), [
      'tokyo-metropolis',
      'kazakhstan',
    ]);
    assert.deepEqual(found('首相は東京で'), ['tokyo']);
    assert.deepEqual(found('นายกฯ เดินทางถึงกรุงเทพเมื่อวาน'), ['bangkok']);
  });

  it('reports where an unspaced name stands in the text', () => {
    const [match] = index.match('首相は東京で');
    assert.deepEqual([match.start, match.end, match.surface], [3, 5, '東京']);
  });

  it('finds nothing in unspaced text without a name, nor a name cut short', () => {
    assert.deepEqual(found('今日は晴れです'), []);
    assert.deepEqual(found('東'), []);
  });

  it('matches each text on its own when texts follow one another', () => {
    assert.deepEqual(found('Talks in Almaty'), ['almaty']);
    assert.deepEqual(found('Talks in Kazakhstana'), ['kazakhstan']);
    assert.deepEqual(found('Talks in Almaty'), ['almaty']);
    assert.deepEqual(found('Talks in Paris'), []);
  });

  it('reads a katakana name only as a whole katakana word', () => {
    const katakana = new NameIndex<string>();
    katakana.add('タイ', 'thailand');
    katakana.add('フランス', 'france');
    const codes = (text: string) => katakana.match(text).map((m) => m.value);
    assert.deepEqual(codes('首相はタイを訪問した'), ['thailand']);
    assert.deepEqual(codes('新しいタイプの車'), []);
    assert.deepEqual(codes('フランスパンを買った'), []);
    assert.deepEqual(codes('フランス・パリで'), ['france']);
  });

  it('reads a Hangul name only where a Korean word starts, with its endings after it', () => {
    const korean = new NameIndex<string>();
    korean.add('파리', 'paris');
    korean.add('평양', 'pyongyang');
    const codes = (text: string) => korean.match(text).map((m) => m.value);
    assert.deepEqual(codes('대통령은 파리에서 평양으로 갔다'), ['paris', 'pyongyang']);
    assert.deepEqual(codes('아프리카 사파리 여행'), []);
    assert.deepEqual(codes('태평양 한가운데'), []);
  });

  it('reads a Thai name only between the words that ICU finds in unspaced Thai', () => {
    const thai = new NameIndex<string>();
    thai.add('ริกา', 'riga');
    thai.add('นอร์เวย์', 'norway');
    const codes = (text: string) => thai.match(text).map((m) => m.value);
    assert.deepEqual(codes('ชาวนอร์เวย์เดินทางไปริกา'), ['norway', 'riga']);
    assert.deepEqual(codes('สัตว์ป่าแอฟริกาที่น่าทึ่ง'), []);
  });

  it('reads Georgian names, whose prose has no capitals, declined as well', () => {
    const georgian = new NameIndex<string>();
    georgian.add('ყაზახეთი', 'kazakhstan');
    georgian.add('საქართველო', 'georgia');
    const codes = (text: string) => georgian.match(text, { inflect: true }).map((m) => m.value);
    assert.deepEqual(codes('პრეზიდენტი ყაზახეთში ჩავიდა'), ['kazakhstan']);
    assert.deepEqual(codes('საქართველოს მთავრობამ'), ['georgia']);
  });

  it('finds multi-word names with every word declined, and not a near miss', () => {
    const declined = new NameIndex<string>();
    declined.add('Новая Зеландия', 'new-zealand');
    declined.add('Южная Корея', 'south-korea');
    declined.add('Соединённые Штаты Америки', 'usa');
    const codes = (text: string) => declined.match(text, { inflect: true }).map((m) => m.value);
    assert.deepEqual(codes('Переговоры с Новой Зеландией и Южной Кореей'), [
      'new-zealand',
      'south-korea',
    ]);
    assert.deepEqual(codes('Посол Соединённых Штатов Америки'), ['usa']);
    assert.deepEqual(codes('Южной Каролины'), []);
    assert.deepEqual(declined.match('Новой Зеландией').length, 0, 'only where names inflect');
  });

  it('finds Hebrew and Arabic names behind glued prepositions, articles and conjunctions', () => {
    const glued = new NameIndex<string>();
    glued.add('סין', 'china');
    glued.add('ניו זילנד', 'new-zealand');
    glued.add('الصين', 'china');
    glued.add('نيوزيلندا', 'new-zealand');
    const hebrew = (text: string) =>
      glued.match(text, { unprefix: hebrewUnprefixed }).map((m) => m.value);
    const arabic = (text: string) =>
      glued.match(text, { unprefix: arabicUnprefixed }).map((m) => m.value);
    assert.deepEqual(hebrew('הוא טס בסין ולניו זילנד'), ['china', 'new-zealand']);
    assert.deepEqual(arabic('مرتبطة بنيوزيلندا وللصين'), ['new-zealand', 'china']);
    assert.deepEqual(hebrew('הוא טס לים'), [], 'a rest too short to be a name');
    assert.deepEqual(glued.match('בסין').length, 0, 'only in those languages');
  });
});
