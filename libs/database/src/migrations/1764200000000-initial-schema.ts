import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Feeds, articles with their dedup keys, the outbox, enrichments and search documents. */
export class InitialSchema1764200000000 implements MigrationInterface {
  name = 'InitialSchema1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE feeds (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        title text,
        site_url text,
        status text NOT NULL DEFAULT 'active'
          CHECK (status IN ('active', 'paused', 'parked', 'gone')),
        etag text,
        last_modified text,
        next_fetch_at timestamptz NOT NULL DEFAULT now(),
        interval_seconds integer NOT NULL DEFAULT 900,
        lease_owner text,
        lease_until timestamptz,
        last_fetched_at timestamptz,
        last_success_at timestamptz,
        last_status integer,
        last_error text,
        error_count integer NOT NULL DEFAULT 0,
        consecutive_errors integer NOT NULL DEFAULT 0,
        redirect_url text,
        redirect_count integer NOT NULL DEFAULT 0,
        language text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX feeds_url_key ON feeds (url)`);
    await runner.query(
      `CREATE INDEX feeds_due_idx ON feeds (next_fetch_at) WHERE status IN ('active', 'parked', 'gone')`,
    );

    await runner.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY,
        feed_id uuid NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guid text,
        url text,
        canonical_url text,
        canonical_url_hash text,
        content_fingerprint text NOT NULL,
        content_hash text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        content_html text NOT NULL DEFAULT '',
        content_text text NOT NULL DEFAULT '',
        author text,
        feed_language text,
        categories text[] NOT NULL DEFAULT '{}',
        published_at timestamptz,
        fetched_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX articles_feed_guid_key ON articles (feed_id, guid) WHERE guid IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX articles_canonical_url_key ON articles (canonical_url_hash) WHERE canonical_url_hash IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX articles_fingerprint_key ON articles (content_fingerprint)`,
    );
    await runner.query(
      `CREATE INDEX articles_feed_published_idx ON articles (feed_id, published_at DESC)`,
    );

    await runner.query(`
      CREATE TABLE article_versions (
        article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version integer NOT NULL,
        title text NOT NULL,
        content_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, version)
      )`);

    await runner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE article_enrichments (
        article_id uuid PRIMARY KEY,
        version integer NOT NULL,
        language text NOT NULL,
        language_confidence real NOT NULL,
        topics jsonb NOT NULL DEFAULT '[]',
        places jsonb NOT NULL DEFAULT '{}',
        entities jsonb NOT NULL DEFAULT '[]',
        simhash bigint NOT NULL,
        simhash_blocks integer[] NOT NULL,
        minhash integer[],
        story_keys text[] NOT NULL DEFAULT '{}',
        story_id uuid,
        near_duplicate_of uuid,
        classifier_version text NOT NULL,
        published_at timestamptz,
        classified_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX article_enrichments_story_idx ON article_enrichments (story_id)`,
    );
    // Near-duplicate candidates: two 64-bit SimHashes within 3 bits share at least one 16-bit block.
    for (const block of [1, 2, 3, 4]) {
      await runner.query(
        `CREATE INDEX article_enrichments_block${block}_idx ON article_enrichments ((simhash_blocks[${block}]), published_at)`,
      );
    }
    // Same-story candidates across languages: shared places and entities.
    await runner.query(
      `CREATE INDEX article_enrichments_story_keys_idx ON article_enrichments USING gin (story_keys)`,
    );

    await runner.query(`
      CREATE TABLE search_documents (
        article_id uuid PRIMARY KEY,
        version integer NOT NULL,
        feed_id uuid NOT NULL,
        url text,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        language text NOT NULL,
        text_search_config regconfig NOT NULL,
        topics text[] NOT NULL DEFAULT '{}',
        places text[] NOT NULL DEFAULT '{}',
        entities text[] NOT NULL DEFAULT '{}',
        story_id uuid,
        published_at timestamptz NOT NULL,
        fetched_at timestamptz NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now(),
        source_hash text NOT NULL,
        document tsvector NOT NULL
      )`);
    // OR-combines the tsqueries of several text search configurations in one expression.
    await runner.query(
      `CREATE AGGREGATE tsquery_or_agg(tsquery) (SFUNC = tsquery_or, STYPE = tsquery)`,
    );
    await runner.query(
      `CREATE INDEX search_documents_document_idx ON search_documents USING gin (document)`,
    );
    await runner.query(
      `CREATE INDEX search_documents_published_idx ON search_documents (published_at DESC, article_id DESC)`,
    );
    await runner.query(
      `CREATE INDEX search_documents_topics_idx ON search_documents USING gin (topics)`,
    );
    await runner.query(
      `CREATE INDEX search_documents_places_idx ON search_documents USING gin (places)`,
    );
    await runner.query(`CREATE INDEX search_documents_story_idx ON search_documents (story_id)`);
    await runner.query(
      `CREATE INDEX search_documents_feed_idx ON search_documents (feed_id, published_at DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP AGGREGATE IF EXISTS tsquery_or_agg(tsquery)`);
    for (const table of [
      'search_documents',
      'article_enrichments',
      'outbox',
      'article_versions',
      'articles',
      'feeds',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
