/**
 * A synthetic multilingual corpus for the search benchmarks, generated inside PostgreSQL
 * (INSERT … SELECT over generate_series) because building a million documents through the
 * application would take most of the benchmark's time budget. The indexing rate is measured
 * separately through the indexer's real path.
 *
 * Words are made of per-language syllables (Latin for en/fr/de/es, Cyrillic for ru, katakana
 * for ja). Japanese is indexed with `simple` after segmenting, as the indexer does it, and the
 * search segments a query the same way: each ja word's index form is computed here with the
 * indexer's segmentForIndex. Hiragana words were cut into single kana (the query then asked for
 * kana no document's whole words held, and matched nothing); ICU keeps most katakana words
 * whole, and cuts the rest where a dictionary word sits inside. Word ranks follow a
 * Zipf law (log-uniform rank) from rank 100 on: the 100 most frequent words of real text are
 * stop words that the configurations drop. The most frequent words then reach ~20-30% of the
 * documents; `commonword` is in exactly 10% of them (the reference term), and `everyword`
 * in 60% (a worst case). Published times spread over the last 365 days.
 */
import pg from 'pg';
import { segmentForIndex } from '#text';

/** Bumped when the corpus changes, so a kept database (BENCH_DB) is rebuilt, not reused. */
export const CORPUS_VERSION = 'search bench corpus 2: katakana words, segmented as indexed';

export interface CorpusOptions {
  documents: number;
  /** Parallel inserting connections (one per core). */
  workers?: number;
  log?: (line: string) => void;
}

/** Language, its text search configuration, its share of documents (percent), its syllables. */
const LANGUAGES: [string, string, number, string[]][] = [
  ['en', 'english', 35, syllables('ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le')],
  ['fr', 'french', 15, syllables('ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru')],
  ['de', 'german', 15, syllables('sa se si so su ta te ti to tu va ve vi vo wa we wi wo za ze')],
  ['es', 'spanish', 15, syllables('ga ge gi go gu ja je jo ju ha he hi ho hu ya ye yo yu ca co')],
  ['ru', 'russian', 10, syllables('ба бе би бо бу да де ди до ду ка ке ки ко ла ле ли ло ма ме')],
  ['ja', 'simple', 10, syllables('カ キ ク ケ コ サ シ ス セ ソ タ チ ツ テ ト ナ ニ ヌ ネ ノ')],
];
const VOCABULARY = 30_000;
const FIRST_RANK = 100;
const SENTENCES = 20_000;
const PARAGRAPHS = 20_000;
export const FEED_COUNT = 200;
export const TOPIC_CODES = Array.from(
  { length: 17 },
  (_, i) => `medtop:${String(i + 1).padStart(2, '0')}000000`,
);
export const COUNTRY_CODES = ['FR', 'DE', 'ES', 'GB', 'US', 'RU', 'JP', 'IT', 'CN', 'BR'];
export const LANGUAGE_CODES = LANGUAGES.map(([code]) => code);

function syllables(list: string): string[] {
  return list.split(' ');
}

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;
const sqlArray = (values: string[]) => `ARRAY[${values.map(sqlText).join(',')}]::text[]`;

/**
 * Vocabulary, sentences (10 words) and paragraphs (4 sentences) per language, in SQL; each
 * with its text as shown (`text`) and as indexed (`indexed`: segmented where the language is).
 */
async function buildParts(client: pg.Client): Promise<void> {
  await client.query(
    `CREATE UNLOGGED TABLE bench_words (lang int, rank int, word text, indexed text)`,
  );
  await client.query(
    `CREATE UNLOGGED TABLE bench_sentences (lang int, id int, text text, indexed text)`,
  );
  await client.query(
    `CREATE UNLOGGED TABLE bench_paragraphs (lang int, id int, text text, indexed text)`,
  );
  for (const [index, [code, , , syl]] of LANGUAGES.entries()) {
    await client.query(
      `INSERT INTO bench_words
       SELECT $1, k, w, w FROM (
         SELECT k, s[1 + k % 20] || s[1 + (k / 20) % 20] || s[1 + (k / 400) % 20] ||
                   CASE WHEN k >= 8000 THEN s[1 + (k / 8000) % 20] ELSE '' END AS w
           FROM generate_series(0, ${VOCABULARY - 1}) k, (SELECT ${sqlArray(syl)} AS s) x) v`,
      [index],
    );
    await indexFormsOf(client, index, code);
  }
  await client.query(`CREATE INDEX ON bench_words (lang, rank)`);
  await client.query(`SELECT setseed(0.42)`);
  // Log-uniform rank in [FIRST_RANK, VOCABULARY): a Zipf law with exponent 1.
  await client.query(`
    INSERT INTO bench_sentences
    SELECT p.lang, p.id, string_agg(w.word, ' ' ORDER BY p.pos),
           string_agg(w.indexed, ' ' ORDER BY p.pos)
      FROM (SELECT l.lang, id, pos,
                   floor(${FIRST_RANK} * exp(random() * ln(${VOCABULARY / FIRST_RANK})))::int AS rank
              FROM generate_series(0, ${LANGUAGES.length - 1}) l(lang),
                   generate_series(0, ${SENTENCES - 1}) id, generate_series(1, 10) pos) p
      JOIN bench_words w ON w.lang = p.lang AND w.rank = p.rank
     GROUP BY p.lang, p.id`);
  await client.query(`
    INSERT INTO bench_paragraphs
    SELECT p.lang, p.id, string_agg(s.text, '. ' ORDER BY p.pos),
           string_agg(s.indexed, '. ' ORDER BY p.pos)
      FROM (SELECT l.lang, id, pos, floor(random() * ${SENTENCES})::int AS sentence
              FROM generate_series(0, ${LANGUAGES.length - 1}) l(lang),
                   generate_series(0, ${PARAGRAPHS - 1}) id, generate_series(1, 4) pos) p
      JOIN bench_sentences s ON s.lang = p.lang AND s.id = p.sentence
     GROUP BY p.lang, p.id`);
  await client.query(`ALTER TABLE bench_sentences ADD PRIMARY KEY (lang, id)`);
  await client.query(`ALTER TABLE bench_paragraphs ADD PRIMARY KEY (lang, id)`);
  await client.query(`ANALYZE bench_sentences, bench_paragraphs`);
}

/** A language's words as the indexer would index them, where segmenting changes them. */
async function indexFormsOf(client: pg.Client, lang: number, code: string): Promise<void> {
  const { rows } = await client.query<{ rank: number; word: string }>(
    'SELECT rank, word FROM bench_words WHERE lang = $1',
    [lang],
  );
  const changed = rows.flatMap(({ rank, word }) => {
    const indexed = segmentForIndex(word, code);
    return indexed === word ? [] : [{ rank, indexed }];
  });
  if (changed.length === 0) return;
  await client.query(
    `UPDATE bench_words w SET indexed = c.indexed
       FROM unnest($2::int[], $3::text[]) AS c(rank, indexed)
      WHERE w.lang = $1 AND w.rank = c.rank`,
    [lang, changed.map((c) => c.rank), changed.map((c) => c.indexed)],
  );
}

/** Maps document number i to its language index by the shares above (deterministic). */
function languageCase(): string {
  let upTo = 0;
  const arms = LANGUAGES.map(([, , share], index) => {
    upTo += share;
    return `WHEN i % 100 < ${upTo} THEN ${index}`;
  });
  return `CASE ${arms.join(' ')} END`;
}

/** Inserts documents [from, to) with their weighted tsvectors, as the indexer would store them. */
function insertRange(from: number, to: number, total: number): string {
  const langs = sqlArray(LANGUAGES.map(([code]) => code));
  const configs = sqlArray(LANGUAGES.map(([, config]) => config));
  return `
    INSERT INTO search_documents (article_id, version, feed_id, url, title, summary, language,
      text_search_config, topics, places, entities, story_id, published_at, fetched_at,
      source_hash, document, indexed_at)
    SELECT md5('article' || i)::uuid, 1, f.ids[1 + i % ${FEED_COUNT}],
           'https://example.org/' || i, t.text, s.text, (${langs})[1 + g.lang], g.cfg::regconfig,
           ARRAY[(${sqlArray(TOPIC_CODES)})[1 + (i * 7) % 17]] ||
             CASE WHEN i % 3 = 0 THEN ARRAY[(${sqlArray(TOPIC_CODES)})[1 + (i * 11) % 17]] ELSE '{}' END,
           ARRAY[(${sqlArray(COUNTRY_CODES)})[1 + (i * 13) % ${COUNTRY_CODES.length}]],
           '{}', CASE WHEN i % 10 < 3 THEN md5('story' || (i / 3))::uuid END,
           g.published, g.published, md5('hash' || i),
           setweight(to_tsvector(g.cfg::regconfig, t.indexed), 'A') ||
           setweight(to_tsvector(g.cfg::regconfig, s.indexed), 'B') ||
           setweight(to_tsvector(g.cfg::regconfig, b.text), 'C'),
           g.published
      FROM generate_series(${from}::bigint, ${to - 1}) i
      CROSS JOIN (SELECT array_agg(md5('feed' || n)::uuid) AS ids
                    FROM generate_series(1, ${FEED_COUNT}) n) f
      CROSS JOIN LATERAL (
        SELECT ${languageCase()} AS lang,
               (${configs})[1 + ${languageCase()}] AS cfg,
               now() - (${total} - i) * interval '1 second' * (365.0 * 86400 / ${total}) AS published
      ) g
      JOIN bench_sentences t ON t.lang = g.lang AND t.id = (i * 7919) % ${SENTENCES}
      JOIN bench_paragraphs s ON s.lang = g.lang AND s.id = (i * 104729) % ${PARAGRAPHS}
      JOIN LATERAL (
        SELECT p1.indexed || '. ' || p2.indexed ||
               CASE WHEN i % 10 = 0 THEN ' commonword' ELSE '' END ||
               CASE WHEN i % 5 < 3 THEN ' everyword' ELSE '' END AS text
          FROM bench_paragraphs p1, bench_paragraphs p2
         WHERE p1.lang = g.lang AND p1.id = (i * 15485863) % ${PARAGRAPHS}
           AND p2.lang = g.lang AND p2.id = (i * 32452843 + 1) % ${PARAGRAPHS}
      ) b ON true`;
}

interface IndexDefinition {
  name: string;
  definition: string;
}

/** The search_documents indexes other than the primary key (rebuilt after the bulk load). */
async function secondaryIndexes(client: pg.Client): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE tablename = 'search_documents' AND indexname <> 'search_documents_pkey'`,
  );
  return rows;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET work_mem = '64MB'`);
  return client;
}

/**
 * Fills search_documents with `documents` rows. The secondary indexes of the migrated schema are
 * dropped during the load and rebuilt from their own definitions (two at a time), as a bulk
 * reindex would; the bench then measures the schema exactly as migrated.
 */
export async function generateCorpus(url: string, options: CorpusOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const workers = options.workers ?? 2;
  const clients = await Promise.all(Array.from({ length: workers }, () => connect(url)));
  const [main] = clients as [pg.Client];
  try {
    let started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    await buildParts(main);
    log(`corpus: vocabulary, sentences and paragraphs in ${seconds()} s`);
    const indexes = await secondaryIndexes(main);
    for (const index of indexes) await main.query(`DROP INDEX ${index.name}`);
    started = Date.now();
    const total = options.documents;
    const chunk = 50_000;
    let next = 0;
    let done = 0;
    await Promise.all(
      clients.map(async (client) => {
        while (next < total) {
          const from = next;
          const to = Math.min(total, from + chunk);
          next = to;
          await client.query(insertRange(from, to, total));
          done += to - from;
          log(`corpus: ${done.toLocaleString('en')} documents (${seconds()} s)`);
        }
      }),
    );
    started = Date.now();
    const queue = [...indexes];
    await Promise.all(
      clients.map(async (client) => {
        for (let index = queue.shift(); index; index = queue.shift()) {
          await client.query(index.definition);
        }
      }),
    );
    log(`corpus: ${indexes.length} indexes rebuilt in ${seconds()} s`);
    await main.query(`DROP TABLE bench_words, bench_sentences, bench_paragraphs`);
    await main.query(`VACUUM ANALYZE search_documents`);
    await main.query(`COMMENT ON TABLE search_documents IS '${CORPUS_VERSION}'`);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
