/**
 * Runs compiled queries against a real PostgreSQL, in a throw-away database
 * `search_query_test_<random>` created and dropped here.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { regconfigFor, segmentForIndex, TEXT_SEARCH_CONFIGS } from '#text';
import { compileTsquery } from './compile.js';
import { searchConfigsFor } from './configs.js';
import { parseSearchQuery } from './parse.js';

const DOCS: { id: number; lang: string; title: string; body: string }[] = [
  {
    id: 1,
    lang: 'fr',
    title: 'Les élections municipales à Paris',
    body: 'Le maire sortant est réélu.',
  },
  {
    id: 2,
    lang: 'fr',
    title: 'Élections municipales : Lyon vote',
    body: 'La participation est en hausse.',
  },
  {
    id: 3,
    lang: 'ru',
    title: 'Выборы в Москве прошли спокойно',
    body: 'Явка на выборах была высокой.',
  },
  {
    id: 4,
    lang: 'ja',
    title: '東京都で大きな地震が発生しました',
    body: '気象庁は津波の心配はないと発表しました。',
  },
  { id: 5, lang: 'ja', title: '大阪で新しい美術館が開館', body: '多くの人が訪れました。' },
  {
    id: 6,
    lang: 'en',
    title: 'The Beatles release a final song',
    body: 'Fans around the world listened.',
  },
  { id: 7, lang: 'th', title: 'รัฐบาลไทยประกาศมาตรการใหม่', body: 'เพื่อกระตุ้นเศรษฐกิจ' },
];

function adminUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

const database = `search_query_test_${randomBytes(6).toString('hex')}`;
let client: pg.Client;

async function withAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function search(query: string, languages: string[] = []): Promise<number[]> {
  const { ast } = parseSearchQuery(query);
  assert.ok(ast);
  const compiled = compileTsquery(ast, {
    configs: searchConfigsFor(languages, query),
    firstParam: 2,
  });
  const { rows } = await client.query<{ id: number }>(
    `SELECT d.id FROM docs d, (SELECT ${compiled.sql} AS q) query
      WHERE d.tsv @@ query.q AND (cardinality($1::text[]) = 0 OR d.lang = ANY($1::text[]))
      ORDER BY d.id`,
    [languages, ...compiled.params],
  );
  return rows.map((row) => row.id);
}

describe('compiled tsquery against PostgreSQL', () => {
  before(async () => {
    await withAdmin(`CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8'`);
    client = new pg.Client({ connectionString: adminUrl(database) });
    await client.connect();
    client.on('notice', () => undefined);
    await client.query(
      'CREATE TABLE docs (id int PRIMARY KEY, lang text NOT NULL, tsv tsvector NOT NULL)',
    );
    for (const doc of DOCS) {
      await client.query(
        `INSERT INTO docs VALUES ($1, $2,
           setweight(to_tsvector($3::regconfig, $4), 'A') || setweight(to_tsvector($3::regconfig, $5), 'C'))`,
        [
          doc.id,
          doc.lang,
          regconfigFor(doc.lang),
          segmentForIndex(doc.title, doc.lang),
          segmentForIndex(doc.body, doc.lang),
        ],
      );
    }
  });

  after(async () => {
    await client?.end();
    await withAdmin(`DROP DATABASE IF EXISTS ${database}`);
  });

  it('every configuration regconfigFor returns exists on this server', async () => {
    const { rows } = await client.query<{ cfgname: string }>('SELECT cfgname FROM pg_ts_config');
    const present = new Set(rows.map((row) => row.cfgname));
    assert.deepEqual(
      TEXT_SEARCH_CONFIGS.filter((config) => !present.has(config)),
      [],
    );
  });

  it('finds French, Russian and Japanese articles by words of their own language', async () => {
    assert.deepEqual(await search('élection'), [1, 2]);
    assert.deepEqual(await search('выборы'), [3]);
    assert.deepEqual(await search('выборах москва'), [3]);
    assert.deepEqual(await search('地震'), [4]);
    assert.deepEqual(await search('東京 地震'), [4]);
    assert.deepEqual(await search('美術館'), [5]);
    assert.deepEqual(await search('ไทย'), [7]);
  });

  it('matches phrases only with their words adjacent and in order', async () => {
    assert.deepEqual(await search('"élections municipales"'), [1, 2]);
    assert.deepEqual(await search('"municipales élections"'), []);
    assert.deepEqual(await search('"大きな地震"'), [4]);
    assert.deepEqual(await search('"地震 大きな"'), []);
  });

  it('applies OR across languages and exclusions', async () => {
    assert.deepEqual(await search('地震 OR выборы'), [3, 4]);
    assert.deepEqual(await search('élections -paris'), [2]);
    assert.deepEqual(await search('(paris OR lyon) -hausse'), [1]);
    assert.deepEqual(await search('大阪 OR 東京 -津波'), [5]);
  });

  it('ignores stop words of the document language instead of requiring them', async () => {
    assert.deepEqual(await search('the beatles'), [6]);
    assert.deepEqual(await search('beatles', ['en']), [6]);
    assert.deepEqual(await search('élections', ['ru']), []);
  });

  it('treats SQL and tsquery syntax in user text as plain words', async () => {
    assert.deepEqual(await search(`"x'); DROP TABLE docs; --" paris`), []);
    assert.deepEqual(await search(`paris:* & <-> \\ !`), [1]);
    assert.deepEqual(await search('!lyon'), [2]);
    const { rows } = await client.query('SELECT count(*)::int AS n FROM docs');
    assert.equal(rows[0].n, DOCS.length);
  });
});
