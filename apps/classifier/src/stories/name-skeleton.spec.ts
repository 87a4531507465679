import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { entityAnchor, nameSkeleton } from './name-skeleton.js';

describe('nameSkeleton', () => {
  it('gives one key to a name written in Latin, Cyrillic, Greek, Georgian or Armenian script', () => {
    for (const same of [
      ['Schumacher', 'Шумахер'],
      ['Felipe Massa', 'Феліпэ Масу'],
      ['Virginia', 'Вирджиния'],
      ['Stofan', 'Стофан'],
      ['Kassym-Jomart Tokayev', 'Касым-Жомарт Токаев'],
      ['Zelensky', 'Zelenskyy', 'Зеленский', 'Зеленський'],
      ['Alexis Tsipras', 'Αλέξης Τσίπρας'],
      ['Nikol Pashinyan', 'Նիկոլ Փաշինյան'],
      ['Wilson', 'Ուիլսոն'],
      ['Irakli Kobakhidze', 'ირაკლი კობახიძე'],
      ['California', 'კალიფორნია'],
    ]) {
      const keys = new Set(same.map(nameSkeleton));
      assert.equal(keys.size, 1, `${same.join(' / ')}: ${[...keys].join(', ')}`);
      assert.ok([...keys][0]);
    }
  });

  it('reads the scripts without capital letters: Devanagari, Bengali, Arabic and Hebrew', () => {
    for (const same of [
      ['Alex Ovechkin', 'एलेक्स ओवेच्किन', 'অ্যালেক্স ওভেচকিন'],
      ['Washington', 'वॉशिंगटन', 'וושינגטון'],
      ['Zelensky', 'ज़ेलेंस्की', 'زيلينسكي', 'זלנסקי'],
      ['Felipe Massa', 'फेलिपे मासा'],
      ['Olympic', 'ओलंपिक'],
      ['Schumacher', 'شوماخر'],
    ]) {
      const keys = new Set(same.map(nameSkeleton));
      assert.equal(keys.size, 1, `${same.join(' / ')}: ${[...keys].join(', ')}`);
      assert.ok([...keys][0]);
    }
  });

  it('keeps different names apart', () => {
    assert.notEqual(nameSkeleton('Schumacher'), nameSkeleton('Schuster'));
    assert.notEqual(nameSkeleton('Felipe Massa'), nameSkeleton('Felipe Melo'));
  });

  it('gives nothing for scripts it does not read, or for names too short to tell apart', () => {
    assert.equal(nameSkeleton('托卡耶夫'), undefined);
    assert.equal(nameSkeleton('โทคาเยฟ'), undefined);
    assert.equal(nameSkeleton('توكاييف'), undefined, 'tkv: three letters');
    assert.equal(nameSkeleton('Obama'), undefined);
    assert.equal(nameSkeleton('UN'), undefined);
  });

  it('is its own fixed point, so stored keys compare with fresh ones', () => {
    for (const name of ['Schumacher', 'Феліпэ Масу', 'Kassym-Jomart Tokayev', 'Xavier Zizou']) {
      const once = nameSkeleton(name)!;
      assert.equal(nameSkeleton(once), once, name);
    }
  });
});

describe('entityAnchor', () => {
  it('falls back to the Latin letters of a name too short for a skeleton, else the lower-cased name', () => {
    assert.equal(entityAnchor('Шумахер'), 'shmhr');
    assert.equal(entityAnchor('Obama'), 'obama');
    assert.equal(entityAnchor('Конамі'), 'konami');
    assert.equal(entityAnchor('Konami'), 'konami');
    assert.equal(entityAnchor('Κόνάμι'), 'konami');
    assert.equal(entityAnchor('Ну  Са'), 'nu sa');
    assert.equal(entityAnchor('Սուլու'), 'sulu', 'Armenian ու is one u');
    assert.equal(entityAnchor('托卡耶夫'), '托卡耶夫');
    assert.equal(entityAnchor('COVID-19'), 'covid-19');
  });

  it('is its own fixed point, so stored anchors compare with fresh ones', () => {
    for (const name of ['Konami', 'Конамі', 'Шумахер', '托卡耶夫', 'COVID-19']) {
      const once = entityAnchor(name);
      assert.equal(entityAnchor(once), once, name);
    }
  });
});
