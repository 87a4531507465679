import type { ArticleClassifiedV1 } from '../events/article-classified.js';
import type { ArticleIndexedV1 } from '../events/article-indexed.js';
import type { ArticleIngestedV1 } from '../events/article-ingested.js';
import type { FeedFetchedV1 } from '../events/feed-fetched.js';
import type { FeedRemovedV1 } from '../events/feed-removed.js';

/** Valid example payloads, for tests of producers, consumers and the published contract. */
export function sampleIngested(overrides: Partial<ArticleIngestedV1> = {}): ArticleIngestedV1 {
  return {
    articleId: '0b6f8f5e-4a59-4d4c-9a0e-0f3c2b1a7d11',
    version: 1,
    feedId: '6d0c1b5e-2f3a-4b8c-9d7e-1a2b3c4d5e6f',
    url: 'https://news.example/almaty-water',
    canonicalUrl: 'https://news.example/almaty-water',
    guid: 'almaty-water-1',
    title: 'Central Asian leaders meet in Almaty',
    summary: 'Presidents met in Almaty to agree on water sharing.',
    contentHtml: '<p>Presidents met in Almaty to agree on water sharing.</p>',
    contentText: 'Presidents met in Almaty to agree on water sharing.',
    author: 'Desk',
    feedLanguage: 'en',
    categories: ['World'],
    publishedAt: '2026-11-20T08:00:00.000Z',
    fetchedAt: '2026-11-20T08:05:00.000Z',
    contentHash: 'a'.repeat(64),
    ...overrides,
  };
}

export function sampleClassified(
  overrides: Partial<ArticleClassifiedV1> = {},
): ArticleClassifiedV1 {
  return {
    ...sampleIngested(),
    language: { code: 'en', confidence: 0.98 },
    topics: [{ code: 'medtop:11000000', label: 'politics', score: 0.8 }],
    places: {
      countries: [{ code: 'KZ', name: 'Kazakhstan', score: 0.7 }],
      cities: [{ geonameId: 1526384, name: 'Almaty', countryCode: 'KZ', score: 0.9 }],
    },
    entities: [{ name: 'Tokayev', type: 'person', canonical: 'Kassym-Jomart Tokayev' }],
    simhash: '0123456789abcdef',
    storyId: '0b6f8f5e-4a59-4d4c-9a0e-0f3c2b1a7d11',
    nearDuplicateOf: null,
    classifierVersion: 'test-1',
    ...overrides,
  };
}

export function sampleIndexed(overrides: Partial<ArticleIndexedV1> = {}): ArticleIndexedV1 {
  return {
    articleId: '0b6f8f5e-4a59-4d4c-9a0e-0f3c2b1a7d11',
    version: 1,
    engine: 'postgres-fts',
    textSearchConfig: 'english',
    language: 'en',
    indexedAt: '2026-11-20T08:05:01.000Z',
    fetchedAt: '2026-11-20T08:05:00.000Z',
    ...overrides,
  };
}

export function sampleFetched(overrides: Partial<FeedFetchedV1> = {}): FeedFetchedV1 {
  return {
    feedId: '6d0c1b5e-2f3a-4b8c-9d7e-1a2b3c4d5e6f',
    url: 'https://news.example/feed.xml',
    outcome: 'changed',
    httpStatus: 200,
    durationMs: 42,
    bytes: 1024,
    newEntries: 3,
    updatedEntries: 0,
    error: null,
    fetchedAt: '2026-11-20T08:05:00.000Z',
    nextFetchAt: '2026-11-20T08:20:00.000Z',
    ...overrides,
  };
}

export function sampleRemoved(overrides: Partial<FeedRemovedV1> = {}): FeedRemovedV1 {
  return {
    feedId: '6d0c1b5e-2f3a-4b8c-9d7e-1a2b3c4d5e6f',
    url: 'https://news.example/feed.xml',
    articlesRemoved: 12,
    removedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}
