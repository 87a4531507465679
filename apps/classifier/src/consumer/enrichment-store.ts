import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { minhashBands } from '../fingerprint/minhash.js';
import type { EnrichmentPort } from './article-enricher.js';

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
  storyKeys: string[];
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
  storyId: string;
  nearDuplicateOf: string | null;
  classifierVersion: string;
  publishedAt: Date;
}

const KEY_DELIMITER = '\x1f';

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

/** What runs the statements: the data source, or a transaction's entity manager. */
type Queryable = Pick<EntityManager, 'query'>;

/** The classifier's own state: enrichments and the fingerprints that link stories. */
export class EnrichmentQueries {
  constructor(private readonly db: Queryable) {}

  /**
   * Articles in the window that share a SimHash block, a MinHash band or a place/entity key with
   * the new one, nearest in time first.
   */
  async candidates(query: CandidateQuery): Promise<StoredFingerprint[]> {
    const blocks = simhashBlocks(query.simhash);
    const rows: Record<string, unknown>[] = await this.db.query(
      // No integer[] or text[] through the driver's generic array parser: it took ~80 µs per
      // 128-value MinHash signature, 200 candidates per article, most of the service's CPU.
      // The signature comes as bytes; story keys are names, so their delimiter is a control
      // character cleanText never lets through.
      `SELECT article_id, simhash::text AS simhash, minhash_bytes AS minhash,
              array_to_string(story_keys, E'\\x1f') AS story_keys, story_id,
              near_duplicate_of, published_at
         FROM article_enrichments
        WHERE article_id <> $1
          AND published_at BETWEEN $2::timestamptz - make_interval(hours => $3)
                               AND $2::timestamptz + make_interval(hours => $3)
          AND (simhash_blocks[1] = $4 OR simhash_blocks[2] = $5 OR simhash_blocks[3] = $6
               OR simhash_blocks[4] = $7 OR story_keys && $8::text[]
               OR minhash_bands && $9::integer[])
        ORDER BY abs(extract(epoch FROM published_at - $2::timestamptz)), article_id
        LIMIT 200`,
      [
        query.articleId,
        query.around,
        query.windowHours,
        ...blocks,
        query.storyKeys,
        query.minhashBands,
      ],
    );
    return rows.map((row) => ({
      articleId: String(row.article_id),
      simhash: bigintToSimhash(String(row.simhash)),
      minhash: signatureFromBytes(row.minhash as Buffer | null),
      storyKeys: row.story_keys ? String(row.story_keys).split(KEY_DELIMITER) : [],
      storyId: (row.story_id as string | null) ?? null,
      nearDuplicateOf: (row.near_duplicate_of as string | null) ?? null,
      publishedAt: new Date(row.published_at as string),
    }));
  }

  /** Idempotent: a re-delivered or older version never overwrites a newer enrichment. */
  async upsert(row: EnrichmentRow): Promise<void> {
    await this.db.query(
      `INSERT INTO article_enrichments AS e (article_id, version, language, language_confidence,
         topics, places, entities, simhash, simhash_blocks, minhash, story_keys, story_id,
         near_duplicate_of, classifier_version, published_at, minhash_bands, classified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, now())
       ON CONFLICT (article_id) DO UPDATE SET
         version = EXCLUDED.version, language = EXCLUDED.language,
         language_confidence = EXCLUDED.language_confidence, topics = EXCLUDED.topics,
         places = EXCLUDED.places, entities = EXCLUDED.entities, simhash = EXCLUDED.simhash,
         simhash_blocks = EXCLUDED.simhash_blocks, minhash = EXCLUDED.minhash,
         story_keys = EXCLUDED.story_keys, story_id = EXCLUDED.story_id,
         near_duplicate_of = EXCLUDED.near_duplicate_of,
         classifier_version = EXCLUDED.classifier_version, published_at = EXCLUDED.published_at,
         minhash_bands = EXCLUDED.minhash_bands, classified_at = now()
       WHERE e.version <= EXCLUDED.version`,
      [
        row.articleId,
        row.version,
        row.language,
        row.languageConfidence,
        JSON.stringify(row.topics),
        JSON.stringify(row.places),
        JSON.stringify(row.entities),
        simhashToBigint(row.simhash),
        simhashBlocks(row.simhash),
        row.minhash.map((value) => value | 0),
        row.storyKeys,
        row.storyId,
        row.nearDuplicateOf,
        row.classifierVersion,
        row.publishedAt,
        minhashBands(row.minhash),
      ],
    );
  }
}

@Injectable()
export class EnrichmentStore extends EnrichmentQueries {
  constructor(private readonly dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * `work` with statements in one transaction: a batch of articles commits (and waits for its
   * WAL flush) once instead of once per article, and its later articles see the earlier ones
   * when they look for their story.
   */
  inTransaction<T>(work: (store: EnrichmentPort) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new EnrichmentQueries(manager)));
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
