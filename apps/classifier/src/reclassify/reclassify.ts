import { TOPICS, type EncodedEvent } from '#contracts';
import type { ArticleEnricher, Enriched } from '../consumer/article-enricher.js';
import type { ClassifiedPublisher } from '../consumer/classify-articles.handler.js';
import {
  ArticleSource,
  cursorOf,
  START,
  type ArticleRow,
  toIngested,
  type Cursor,
  type Queryable,
  type Selection,
} from './article-source.js';

export interface ReclassifyDeps {
  db: Queryable;
  enricher: Pick<ArticleEnricher, 'enrich' | 'enrichAll'>;
  publisher: ClassifiedPublisher;
  onProgress?: (done: number, total: number, failed: number, final: boolean) => void;
  onFailure?: (articleId: string, reason: string) => void;
}

export interface ReclassifyOptions extends Selection {
  batchSize?: number;
}

export interface ReclassifySummary {
  total: number;
  reclassified: number;
  failed: number;
  published: number;
}

/**
 * Replays stored articles through the current classifier, oldest first (so stories link as they
 * did live): upserts their enrichments (idempotent) and publishes the classified events so the
 * indexer updates. An article that cannot be classified or encoded is counted and skipped.
 */
export async function reclassifyArticles(
  deps: ReclassifyDeps,
  options: ReclassifyOptions,
): Promise<ReclassifySummary> {
  const source = new ArticleSource(deps.db);
  const batchSize = options.batchSize ?? 200;
  const summary: ReclassifySummary = {
    total: await source.count(options),
    reclassified: 0,
    failed: 0,
    published: 0,
  };
  let cursor: Cursor | null = START;
  for (;;) {
    const rows = await source.page(options, cursor, batchSize);
    if (rows.length === 0) break;
    cursor = cursorOf(rows[rows.length - 1]);
    const events: EncodedEvent[] = [];
    for (const { payload } of await enrichPage(deps, rows, summary)) {
      try {
        events.push(deps.publisher.encode(TOPICS.articleClassified, payload, payload.articleId));
        summary.reclassified++;
      } catch (error) {
        countFailure(deps, summary, payload.articleId, error);
      }
    }
    await deps.publisher.sendEncoded(TOPICS.articleClassified, events);
    summary.published += events.length;
    deps.onProgress?.(summary.reclassified + summary.failed, summary.total, summary.failed, false);
  }
  deps.onProgress?.(summary.reclassified + summary.failed, summary.total, summary.failed, true);
  return summary;
}

/** A page in one batch; when the batch fails, article by article so only the bad ones fail. */
async function enrichPage(
  deps: ReclassifyDeps,
  rows: ArticleRow[],
  summary: ReclassifySummary,
): Promise<Enriched[]> {
  try {
    return await deps.enricher.enrichAll(rows.map(toIngested));
  } catch {
    const enriched: Enriched[] = [];
    for (const row of rows) {
      try {
        enriched.push(await deps.enricher.enrich(toIngested(row)));
      } catch (error) {
        countFailure(deps, summary, row.id, error);
      }
    }
    return enriched;
  }
}

function countFailure(
  deps: ReclassifyDeps,
  summary: ReclassifySummary,
  articleId: string,
  error: unknown,
): void {
  summary.failed++;
  deps.onFailure?.(articleId, error instanceof Error ? error.message : String(error));
}
