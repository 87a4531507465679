import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { minhashBands } from '../fingerprint/minhash.js';

export interface StoredFingerprint {
  articleId: string;
  simhash: string;
  minhash: number[] | null;
  storyKeys: string[];
  storyId: string | null;
  nearDuplicateOf: string | null;
  publishedAt: Date;
}

/** What a new article is looked up by: any one shared key makes a stored article a candidate. */
export interface CandidateQuery {
  articleId: string;
  simhash: string;
  /** The keys stored articles are looked up by (candidateKeysOf their linking keys). */
  linkingKeys: string[];
  minhashBands: number[];
  around: Date;
  windowHours: number;
}

export interface EnrichmentRow {
  articleId: string;
  version: number;
  language: string;
  languageConfidence: number;
  topics: unknown;
  places: unknown;
  entities: unknown;
  simhash: string;
  minhash: number[];
  storyKeys: string[];
  /** The story keys that can link (linkingKeysOf), looked up with the MinHash bands. */
  linkingKeys: string[];
  storyId: string;
  nearDuplicateOf: string | null;
  classifierVersion: string;
  publishedAt: Date;
}

const KEY_DELIMITER = '\x1f';

/**
 * Matches read per new article, in no particular order, before the nearest in time are kept: a
 * story with thousands of reposts in the window (a wire story, a feed repeating itself) costs
 * the same as one with a thousand, and any of them carries the story id.
 */
const CANDIDATES_READ = 1000;
const CANDIDATES_KEPT = 200;

/**
 * One index lookup per way of matching, united, each within the query's window: the SimHash
 * blocks' B-trees and the lookup keys' (their own table: see the 1765200000000 migration).
 * `q` is the query row candidatesOfAll() unpacks.
 */
const MATCH_ARMS = [
  ...[1, 2, 3, 4].map(
    (block) => `SELECT article_id FROM article_enrichments
       WHERE simhash_blocks[${block}] = q.blocks[${block}] AND published_at BETWEEN q.lo AND q.hi`,
  ),
  `SELECT article_id FROM article_enrichment_keys
    WHERE key = ANY (q.keys) AND published_at BETWEEN q.lo AND q.hi`,
];

/** What an enrichment is found by besides its SimHash: its MinHash bands and linking keys. */
export function lookupKeysOf(
  linkingKeys: readonly string[],
  minhashBands: readonly number[],
): string[] {
  return [...new Set([...minhashBands.map((band) => `b:${band}`), ...linkingKeys])];
}

/** minhash_bytes (4 big-endian bytes per signed value) as numbers; null stays null. */
export function signatureFromBytes(bytes: Buffer | null): number[] | null {
  if (bytes === null) return null;
  const values = new Array<number>(bytes.length >> 2);
  for (let i = 0, at = 0; i < values.length; i++, at += 4) {
    // Bitwise operators work on signed 32-bit integers: the value as stored.
    values[i] =
      (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  }
  return values;
}

/** 64-bit SimHash (16 hex digits) as four 16-bit blocks, the keys of the candidate indexes. */
export function simhashBlocks(simhash: string): number[] {
  return [0, 4, 8, 12].map((start) => parseInt(simhash.slice(start, start + 4), 16));
}

/** PostgreSQL's bigint is signed: the same 64 bits, read as two's complement. */
export function simhashToBigint(simhash: string): string {
  return BigInt.asIntN(64, BigInt(`0x${simhash}`)).toString();
}

function bigintToSimhash(value: string): string {
  return BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');
}

/**
 * Enrichments held in memory (a batch's earlier articles, not yet stored), found by the rule
 * candidates() applies in the database: the window, a shared SimHash block or lookup key.
 */
export class InMemoryCandidates {
  private readonly entries: { fingerprint: StoredFingerprint; blocks: number[]; keys: string[] }[] =
    [];

  add(row: EnrichmentRow): void {
    this.entries.push({
      fingerprint: fingerprintOfRow(row),
      blocks: simhashBlocks(row.simhash),
      keys: lookupKeysOf(row.linkingKeys, minhashBands(row.minhash)),
    });
  }

  find(query: CandidateQuery): StoredFingerprint[] {
    const blocks = simhashBlocks(query.simhash);
    const wanted = new Set(lookupKeysOf(query.linkingKeys, query.minhashBands));
    const windowMs = query.windowHours * 3600_000;
    const around = query.around.getTime();
    return this.entries
      .filter(
        ({ fingerprint, blocks: theirs, keys }) =>
          fingerprint.articleId !== query.articleId &&
          Math.abs(fingerprint.publishedAt.getTime() - around) <= windowMs &&
          (theirs.some((block, i) => block === blocks[i]) || keys.some((key) => wanted.has(key))),
      )
      .map(({ fingerprint }) => fingerprint);
  }
}

/** An enrichment about to be stored, as candidates() will read it back. */
function fingerprintOfRow(row: EnrichmentRow): StoredFingerprint {
  return {
    articleId: row.articleId,
    simhash: row.simhash,
    minhash: row.minhash.map((value) => value | 0),
    storyKeys: row.storyKeys,
    storyId: row.storyId,
    nearDuplicateOf: row.nearDuplicateOf,
    publishedAt: row.publishedAt,
  };
}

/** The classifier's own state: enrichments and the fingerprints that link stories. */
@Injectable()
export class EnrichmentStore {
  constructor(private readonly db: DataSource) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /**
   * Articles in the window that share a SimHash block, a MinHash band or a city/entity key with
   * the new one, nearest in time first.
   */
  async candidates(query: CandidateQuery): Promise<StoredFingerprint[]> {
    const [found] = await this.candidatesOfAll([query]);
    return found!;
  }

  /** candidates() of every query, in one statement: one round trip and one plan per batch. */
  async candidatesOfAll(queries: readonly CandidateQuery[]): Promise<StoredFingerprint[][]> {
    const found = queries.map((): StoredFingerprint[] => []);
    if (queries.length === 0) return found;
    const rows: Record<string, unknown>[] = await this.db.query(
      // No integer[] or text[] through the driver's generic array parser: it took ~80 µs per
      // 128-value MinHash signature, 200 candidates per article, most of the service's CPU.
      // The signature comes as bytes; story keys are names, so their delimiter is a control
      // character cleanText never lets through.
      `SELECT q.i, c.* FROM jsonb_to_recordset($1::jsonb) AS q(i integer, article_id uuid,
              lo timestamptz, hi timestamptz, around timestamptz, blocks integer[], keys text[])
       CROSS JOIN LATERAL (
         SELECT e.article_id, e.simhash::text AS simhash, e.minhash_bytes AS minhash,
                array_to_string(e.story_keys, E'\\x1f') AS story_keys, e.story_id,
                e.near_duplicate_of, e.published_at
           FROM (${MATCH_ARMS.join('\n UNION ')}
                 LIMIT ${CANDIDATES_READ}) AS matched
           JOIN article_enrichments e USING (article_id)
          WHERE e.article_id <> q.article_id
          ORDER BY abs(extract(epoch FROM e.published_at - q.around)), e.article_id
          LIMIT ${CANDIDATES_KEPT}) AS c`,
      [JSON.stringify(queries.map(queryRecord))],
    );
    for (const row of rows) found[Number(row.i)]!.push(storedFingerprintOf(row));
    return found;
  }

  /**
   * Stores a batch of enrichments in one statement (atomic: all or none) and their lookup keys
   * with them: keys a stored version no longer has go, new ones come. Idempotent: a re-delivered
   * or older version (nothing RETURNED) changes neither the enrichment nor its keys. An article
   * deleted meanwhile (its feed removed) is skipped: the rest of the batch is stored.
   */
  async upsertAll(rows: readonly EnrichmentRow[]): Promise<void> {
    if (rows.length === 0) return;
    const newest = newestPerArticle(rows);
    await this.db.query(
      `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(article_id uuid, version integer,
         language text, language_confidence real, topics jsonb, places jsonb, entities jsonb,
         simhash bigint, simhash_blocks integer[], minhash integer[], story_keys text[],
         story_id uuid, near_duplicate_of uuid, classifier_version text,
         published_at timestamptz, minhash_bands integer[], lookup_keys text[])),
       stored AS (
       INSERT INTO article_enrichments AS e (article_id, version, language, language_confidence,
         topics, places, entities, simhash, simhash_blocks, minhash, story_keys, story_id,
         near_duplicate_of, classifier_version, published_at, minhash_bands, classified_at)
       SELECT article_id, version, language, language_confidence, topics, places, entities,
              simhash, simhash_blocks, minhash, story_keys, story_id, near_duplicate_of,
              classifier_version, published_at, minhash_bands, now()
         FROM input
        WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = input.article_id)
       ON CONFLICT (article_id) DO UPDATE SET
         version = EXCLUDED.version, language = EXCLUDED.language,
         language_confidence = EXCLUDED.language_confidence, topics = EXCLUDED.topics,
         places = EXCLUDED.places, entities = EXCLUDED.entities, simhash = EXCLUDED.simhash,
         simhash_blocks = EXCLUDED.simhash_blocks, minhash = EXCLUDED.minhash,
         story_keys = EXCLUDED.story_keys, story_id = EXCLUDED.story_id,
         near_duplicate_of = EXCLUDED.near_duplicate_of,
         classifier_version = EXCLUDED.classifier_version, published_at = EXCLUDED.published_at,
         minhash_bands = EXCLUDED.minhash_bands, classified_at = now()
       WHERE e.version <= EXCLUDED.version
       RETURNING article_id, published_at),
       wanted AS (
       SELECT stored.article_id, stored.published_at, input.lookup_keys
         FROM stored JOIN input USING (article_id)),
       stale AS (
       -- By the batch's ids, so the primary key finds the rows: joined to the CTE instead, the
       -- planner hashed the whole table.
       DELETE FROM article_enrichment_keys k
        WHERE k.article_id = ANY ($2::uuid[])
          AND EXISTS (SELECT 1 FROM wanted
                       WHERE wanted.article_id = k.article_id AND k.key <> ALL (wanted.lookup_keys)))
       INSERT INTO article_enrichment_keys AS k (article_id, key, published_at)
       SELECT article_id, key, published_at FROM wanted, unnest(lookup_keys) AS key
       ON CONFLICT (article_id, key) DO UPDATE SET published_at = EXCLUDED.published_at
        WHERE k.published_at IS DISTINCT FROM EXCLUDED.published_at`,
      [JSON.stringify(newest.map(recordOf)), newest.map((row) => row.articleId)],
    );
  }
}

/** One statement may not upsert a row twice: of one article's rows the newest version wins. */
function newestPerArticle(rows: readonly EnrichmentRow[]): EnrichmentRow[] {
  const newest = new Map<string, EnrichmentRow>();
  for (const row of rows) {
    const kept = newest.get(row.articleId);
    if (!kept || kept.version <= row.version) newest.set(row.articleId, row);
  }
  return [...newest.values()];
}

/** A row as jsonb_to_recordset reads it (the SimHash as text: it does not fit a JSON number). */
function recordOf(row: EnrichmentRow): Record<string, unknown> {
  const bands = minhashBands(row.minhash);
  return {
    article_id: row.articleId,
    version: row.version,
    language: row.language,
    language_confidence: row.languageConfidence,
    topics: row.topics,
    places: row.places,
    entities: row.entities,
    simhash: simhashToBigint(row.simhash),
    simhash_blocks: simhashBlocks(row.simhash),
    minhash: row.minhash.map((value) => value | 0),
    story_keys: row.storyKeys,
    story_id: row.storyId,
    near_duplicate_of: row.nearDuplicateOf,
    classifier_version: row.classifierVersion,
    published_at: row.publishedAt.toISOString(),
    minhash_bands: bands,
    lookup_keys: lookupKeysOf(row.linkingKeys, bands),
  };
}

/** A candidate query as jsonb_to_recordset reads it in candidatesOfAll(). */
function queryRecord(query: CandidateQuery, i: number): Record<string, unknown> {
  const windowMs = query.windowHours * 3600_000;
  return {
    i,
    article_id: query.articleId,
    lo: new Date(query.around.getTime() - windowMs).toISOString(),
    hi: new Date(query.around.getTime() + windowMs).toISOString(),
    around: query.around.toISOString(),
    blocks: simhashBlocks(query.simhash),
    keys: lookupKeysOf(query.linkingKeys, query.minhashBands),
  };
}

function storedFingerprintOf(row: Record<string, unknown>): StoredFingerprint {
  return {
    articleId: String(row.article_id),
    simhash: bigintToSimhash(String(row.simhash)),
    minhash: signatureFromBytes(row.minhash as Buffer | null),
    storyKeys: row.story_keys ? String(row.story_keys).split(KEY_DELIMITER) : [],
    storyId: (row.story_id as string | null) ?? null,
    nearDuplicateOf: (row.near_duplicate_of as string | null) ?? null,
    publishedAt: new Date(row.published_at as string),
  };
}
