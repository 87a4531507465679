import { createHash } from 'node:crypto';
import type { ArticleClassifiedV1 } from '#contracts';
import { regconfigFor, segmentForIndex } from '#text';
import type { SearchDocument } from './search-document.js';

/** Maps a classified article to its search document, segmenting unspaced scripts for the index. */
export function buildSearchDocument(
  event: ArticleClassifiedV1,
  maxBodyChars: number,
): SearchDocument {
  const language = event.language.code;
  const segment = (text: string) => segmentForIndex(text, language);
  const document: Omit<SearchDocument, 'sourceHash'> = {
    articleId: event.articleId,
    version: event.version,
    feedId: event.feedId,
    url: event.url,
    title: event.title,
    summary: event.summary,
    indexText: {
      title: segment(event.title),
      summary: segment(event.summary),
      body: segment(event.contentText.slice(0, maxBodyChars)),
    },
    language,
    textSearchConfig: regconfigFor(language),
    topics: event.topics.map((topic) => topic.code),
    places: [
      ...event.places.countries.map((country) => country.code),
      ...event.places.cities.map((city) => `geonames:${city.geonameId}`),
    ],
    entities: [...new Set(event.entities.map((entity) => entity.canonical ?? entity.name))],
    storyId: event.storyId,
    publishedAt: new Date(event.publishedAt ?? event.fetchedAt),
    fetchedAt: new Date(event.fetchedAt),
  };
  const sourceHash = createHash('sha256').update(JSON.stringify(document)).digest('hex');
  return { ...document, sourceHash };
}
