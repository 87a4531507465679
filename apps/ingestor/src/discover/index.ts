export { discoverFeedLinks, type DiscoveredFeed, type DiscoveredFormat } from './feed-links.js';
export { FALLBACK_PATHS, fallbackFeedUrls } from './fallbacks.js';
export {
  discoverFeeds,
  type DiscoveryOptions,
  type DiscoveryReport,
  type DocumentFetcher,
  type FeedSource,
  type FetchedDocument,
  type FoundFeed,
} from './discover-feeds.js';
