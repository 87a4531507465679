/** What the search engine stores for one article version; built from a classified event. */
export interface SearchDocument {
  articleId: string;
  version: number;
  feedId: string;
  url: string | null;
  /** Shown to readers as published. */
  title: string;
  summary: string;
  /** What the tsvector is built from: unspaced scripts segmented into words. */
  indexText: { title: string; summary: string; body: string };
  language: string;
  textSearchConfig: string;
  topics: string[];
  places: string[];
  entities: string[];
  storyId: string | null;
  publishedAt: Date;
  fetchedAt: Date;
  /** Hash of every input above: re-delivering the same document is a no-op. */
  sourceHash: string;
}

/** The engine behind the indexer; PostgreSQL full-text search by default, OpenSearch later. */
export interface SearchIndex {
  readonly engine: string;
  /** Upserts newer documents, skips ones already indexed; returns the ids it wrote. */
  upsert(documents: SearchDocument[]): Promise<Set<string>>;
  /**
   * Folds recently written documents into the engine's main structures (PostgreSQL: merges the
   * GIN pending list); called on a cadence, never per batch. Returns the units of work done.
   */
  maintain(): Promise<number>;
}
