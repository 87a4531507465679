import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleIndexedV1 } from '#contracts';
import { JsonLogger } from '#observability';
import { parseSearchRequest, type SearchRequest } from '../search/query/index.js';
import type { SearchItem, SearchService } from '../search/search.service.js';
import type { IndexedEventsHandler, IndexedListener } from './indexed-events.handler.js';
import { StreamHub } from './stream-hub.js';

/** The hub over fake events and a fake search that records the order of what happens. */
function hub() {
  const happened: string[] = [];
  let listener: IndexedListener = async () => undefined;
  const events = {
    listen: (l: IndexedListener) => ((listener = l), () => undefined),
  } as unknown as IndexedEventsHandler;
  const search = {
    articlesIndexed: () => happened.push('search told'),
    matching: async (_request: SearchRequest, ids: readonly string[]) =>
      ids.map((id) => ({ id }) as unknown as SearchItem),
  } as unknown as SearchService;
  const streamHub = new StreamHub(events, search, new JsonLogger('test', 'error', {}, () => {}));
  const indexed = (articleId: string) => listener([{ articleId } as ArticleIndexedV1]);
  return { streamHub, happened, indexed };
}

describe('StreamHub', () => {
  it('tells search of indexed articles before any client hears of them', async () => {
    const { streamHub, happened, indexed } = hub();
    streamHub.add({
      request: parseSearchRequest({ q: 'lava' }),
      deliver: (items) => happened.push(`delivered ${items.map((item) => item.id).join()}`),
    });
    await indexed('a1');
    assert.deepEqual(happened, ['search told', 'delivered a1']);
  });

  it('tells search even when no client is connected', async () => {
    const { happened, indexed } = hub();
    await indexed('a1');
    assert.deepEqual(happened, ['search told']);
  });
});
