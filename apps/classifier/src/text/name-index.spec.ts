import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NameIndex } from './name-index.js';

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
});
