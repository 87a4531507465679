import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SEARCH_GIN_INDEX } from '#database';
import type { SearchDocument, SearchIndex } from './search-document.js';

/**
 * PostgreSQL full-text search: one row per article with a weighted tsvector (title A, summary B,
 * body C) in the article's language configuration. One statement per batch: documents already
 * indexed (a newer version, or the same version with the same inputs) are filtered out in its
 * WHERE, before the tsvector is built, because INSERT … ON CONFLICT would still pay for
 * building it; new documents cost no extra read or round trip.
 * The tsvector keeps PostgreSQL's default storage: at ≈ 1.8 kB it takes a row past the 2 kB
 * threshold, so it lives in the TOAST table. Kept in the row (toast_tuple_target 8160), twice
 * measured at a million documents: with the search code of the time, on a machine whose page
 * cache stayed at 2–6 GB, the mixed queries fell from 104 to 88/s; with today's windows of days
 * on a machine with room to cache it all, ranking got cheaper (a ranked page's server time
 * 9.4 → 6.3 ms: no TOAST read per candidate) and the mix rose 224–229 → 262–267/s, but every walk
 * of the time index read rows 3–4× wider: a language's newest 500 with facets 3.0 → 6.6–7.3 ms
 * p50, against a 5-ms target for newest-first pages. Left out of line for that.
 */
@Injectable()
export class PostgresSearchIndex implements SearchIndex {
  readonly engine = 'postgres-fts';

  constructor(private readonly dataSource: DataSource) {}

  async upsert(documents: SearchDocument[]): Promise<Set<string>> {
    const fresh = latestPerArticle(documents);
    if (fresh.length === 0) return new Set();
    const rows: { article_id: string }[] = await this.dataSource.query(
      `INSERT INTO search_documents AS d (article_id, version, feed_id, url, title, summary, language,
         text_search_config, topics, places, entities, story_id, published_at, fetched_at,
         source_hash, document, indexed_at)
       SELECT u.article_id, u.version, u.feed_id, u.url, u.title, u.summary, u.language,
              u.cfg::regconfig, string_to_array(u.topics, E'\\x1f'), string_to_array(u.places, E'\\x1f'),
              string_to_array(u.entities, E'\\x1f'), u.story_id, u.published_at, u.fetched_at,
              u.source_hash,
              setweight(to_tsvector(u.cfg::regconfig, u.index_title), 'A') ||
              setweight(to_tsvector(u.cfg::regconfig, u.index_summary), 'B') ||
              setweight(to_tsvector(u.cfg::regconfig, u.index_body), 'C'),
              now()
         FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::text[], $12::uuid[], $13::timestamptz[],
                     $14::timestamptz[], $15::text[], $16::text[], $17::text[], $18::text[])
           AS u(article_id, version, feed_id, url, title, summary, language, cfg, topics, places,
                entities, story_id, published_at, fetched_at, source_hash, index_title,
                index_summary, index_body)
        WHERE NOT EXISTS (
                SELECT 1 FROM search_documents e
                 WHERE e.article_id = u.article_id
                   AND (e.version > u.version
                        OR (e.version = u.version AND e.source_hash = u.source_hash)))
          -- An article of a feed removed while it was in the pipeline: nothing backs it any more.
          AND NOT EXISTS (SELECT 1 FROM removed_feeds r WHERE r.feed_id = u.feed_id)
       ON CONFLICT (article_id) DO UPDATE SET
         version = EXCLUDED.version, feed_id = EXCLUDED.feed_id, url = EXCLUDED.url,
         title = EXCLUDED.title, summary = EXCLUDED.summary, language = EXCLUDED.language,
         text_search_config = EXCLUDED.text_search_config, topics = EXCLUDED.topics,
         places = EXCLUDED.places, entities = EXCLUDED.entities, story_id = EXCLUDED.story_id,
         published_at = EXCLUDED.published_at, fetched_at = EXCLUDED.fetched_at,
         source_hash = EXCLUDED.source_hash, document = EXCLUDED.document, indexed_at = now()
       WHERE d.version <= EXCLUDED.version
       RETURNING article_id`,
      columns(fresh),
    );
    return new Set(rows.map((row) => row.article_id));
  }

  /**
   * Merges the GIN index's pending list (pages merged; 0 where the index is RUM). Bulk merging
   * the documents of the last second costs a fraction of merging every few hundred, and keeps
   * the list that every search scans short.
   */
  async maintain(): Promise<number> {
    const rows: { pages: number | null }[] = await this.dataSource.query(
      `SELECT gin_clean_pending_list(c.oid::regclass)::int AS pages FROM pg_class c
        WHERE c.relname = $1 AND c.relkind = 'i'`,
      [SEARCH_GIN_INDEX],
    );
    return rows[0]?.pages ?? 0;
  }
}

/** A batch may hold several versions of one article: only the newest matters. */
function latestPerArticle(documents: SearchDocument[]): SearchDocument[] {
  const latest = new Map<string, SearchDocument>();
  for (const document of documents) {
    const seen = latest.get(document.articleId);
    if (!seen || seen.version <= document.version) latest.set(document.articleId, document);
  }
  return [...latest.values()];
}

const SEPARATOR = '\x1f';

/** Arrays of arrays do not survive unnest, so list columns travel as unit-separated strings. */
function joinList(values: string[]): string {
  return values.map((value) => value.replaceAll(SEPARATOR, ' ')).join(SEPARATOR);
}

function columns(documents: SearchDocument[]): unknown[] {
  const pick = <T>(map: (document: SearchDocument) => T) => documents.map(map);
  return [
    pick((d) => d.articleId),
    pick((d) => d.version),
    pick((d) => d.feedId),
    pick((d) => d.url),
    pick((d) => d.title),
    pick((d) => d.summary),
    pick((d) => d.language),
    pick((d) => d.textSearchConfig),
    pick((d) => joinList(d.topics)),
    pick((d) => joinList(d.places)),
    pick((d) => joinList(d.entities)),
    pick((d) => d.storyId),
    pick((d) => d.publishedAt),
    pick((d) => d.fetchedAt),
    pick((d) => d.sourceHash),
    pick((d) => d.indexText.title),
    pick((d) => d.indexText.summary),
    pick((d) => d.indexText.body),
  ];
}
