import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { feedFixture } from '../testing/fixture-paths.js';
import { decodeFeedBytes } from './decode-feed-bytes.js';

const SAMPLES: ReadonlyArray<[charset: string, text: string]> = [
  ['windows-1251', 'Новости Оренбурга'],
  ['koi8-r', 'Привет, мир'],
  ['iso-8859-2', 'Zażółć gęślą jaźń'],
  ['shift_jis', '日本語のニュース'],
  ['gb2312', '中文新闻标题'],
  ['euc-kr', '한국어 뉴스'],
  ['big5', '繁體中文新聞'],
  ['iso-8859-7', 'Ελληνικά νέα'],
];

function xmlIn(charset: string, text: string, declared = charset): Buffer {
  return iconv.encode(
    `<?xml version="1.0" encoding="${declared}"?><rss><channel><title>${text}</title></channel></rss>`,
    charset,
  );
}

describe('decodeFeedBytes', () => {
  for (const [charset, text] of SAMPLES) {
    it(`decodes ${charset} named by the XML declaration`, () => {
      const decoded = decodeFeedBytes(xmlIn(charset, text));
      assert.ok(decoded.text.includes(text), decoded.text);
      assert.equal(decoded.source, 'xml');
    });
  }

  it('lets the HTTP charset win over the XML declaration', () => {
    const body = xmlIn('koi8-r', 'Привет', 'windows-1251');
    const decoded = decodeFeedBytes(body, 'application/rss+xml; charset="KOI8-R"');
    assert.ok(decoded.text.includes('Привет'));
    assert.equal(decoded.source, 'http');
  });

  it('lets a byte-order mark win over everything', () => {
    const body = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('<rss><title>Ünïcödé</title></rss>', 'utf-16le'),
    ]);
    const decoded = decodeFeedBytes(body, 'text/xml; charset=iso-8859-1');
    assert.equal(decoded.text, '<rss><title>Ünïcödé</title></rss>');
    assert.equal(decoded.source, 'bom');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeFeedBytes(Buffer.from('\ufeff<rss/>', 'utf8'));
    assert.equal(decoded.text, '<rss/>');
  });

  it('detects UTF-16 without a BOM from the first bytes', () => {
    const decoded = decodeFeedBytes(iconv.encode('<?xml version="1.0"?><rss/>', 'utf-16be'));
    assert.equal(decoded.text, '<?xml version="1.0"?><rss/>');
  });

  it('ignores a UTF-16 label on a document readable as ASCII', () => {
    const decoded = decodeFeedBytes(
      Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss>é</rss>', 'utf8'),
    );
    assert.ok(decoded.text.endsWith('<rss>é</rss>'));
  });

  it('uses UTF-8 when nothing is declared and the bytes are valid UTF-8', () => {
    const decoded = decodeFeedBytes(Buffer.from('<rss><title>Café – naïve</title></rss>', 'utf8'));
    assert.equal(decoded.charset, 'utf-8');
    assert.ok(decoded.text.includes('Café – naïve'));
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    const decoded = decodeFeedBytes(
      iconv.encode('<rss><title>Café “quoted”</title></rss>', 'windows-1252'),
    );
    assert.equal(decoded.source, 'fallback');
    assert.ok(decoded.text.includes('Café “quoted”'));
  });

  it('ignores an unknown charset name and goes on to the next evidence', () => {
    const decoded = decodeFeedBytes(
      Buffer.from('<rss>ü</rss>', 'utf8'),
      'text/xml; charset=made-up',
    );
    assert.equal(decoded.text, '<rss>ü</rss>');
  });

  it('reads the real windows-1251 feed from node-feedparser', () => {
    const body = readFileSync(feedFixture('node-feedparser', 'test', 'feeds', 'iconv.xml'));
    const decoded = decodeFeedBytes(body);
    assert.equal(decoded.charset, 'windows-1251');
    assert.ok(decoded.text.includes('Новости Оренбурга'));
  });

  it('reads the real ISO-8859-1 feed from rss-parser as windows-1252', () => {
    const body = readFileSync(feedFixture('rss-parser', 'test', 'input', 'encoding.rss'));
    const decoded = decodeFeedBytes(body);
    assert.equal(decoded.charset, 'windows-1252');
    assert.ok(decoded.text.includes('Últimas Notícias'));
  });
});
