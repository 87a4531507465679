import { InitialSchema1764200000000 } from './1764200000000-initial-schema.js';
import { SearchDelivery1764300000000 } from './1764300000000-search-delivery.js';
import { IngestorScheduling1764400000000 } from './1764400000000-ingestor-scheduling.js';
import { DeadLetters1764500000000 } from './1764500000000-dead-letters.js';
import { ClassifierMinhashBands1764600000000 } from './1764600000000-classifier-minhash-bands.js';
import { SearchRum1764700000000 } from './1764700000000-search-rum.js';
import { HostsClaimedUntil1764800000000 } from './1764800000000-hosts-claimed-until.js';
import { SearchGinDefault1764900000000 } from './1764900000000-search-gin-default.js';
import { SearchLanguageIndex1765000000000 } from './1765000000000-search-language-index.js';
import { EnrichmentMinhashBytes1765100000000 } from './1765100000000-enrichment-minhash-bytes.js';
import { EnrichmentLookupKeys1765200000000 } from './1765200000000-enrichment-lookup-keys.js';
import { EnrichmentKeysPublishedBrin1765300000000 } from './1765300000000-enrichment-keys-published-brin.js';
import { RemovedFeeds1765400000000 } from './1765400000000-removed-feeds.js';
import { EnrichmentsFollowArticles1765500000000 } from './1765500000000-enrichments-follow-articles.js';
import { EnrichmentOrphansRemoved1765600000000 } from './1765600000000-enrichment-orphans-removed.js';
import { SearchFiltersInTextIndex1765700000000 } from './1765700000000-search-filters-in-text-index.js';
import { PublishedDaysInTextIndex1765800000000 } from './1765800000000-published-days-in-text-index.js';

export { SEARCH_GIN_INDEX } from './1764900000000-search-gin-default.js';
export { SEARCH_RUM_INDEX } from './1764700000000-search-rum.js';

/** Every migration in order; new ones are appended here. */
export const MIGRATIONS = [
  InitialSchema1764200000000,
  SearchDelivery1764300000000,
  IngestorScheduling1764400000000,
  DeadLetters1764500000000,
  ClassifierMinhashBands1764600000000,
  SearchRum1764700000000,
  HostsClaimedUntil1764800000000,
  SearchGinDefault1764900000000,
  SearchLanguageIndex1765000000000,
  EnrichmentMinhashBytes1765100000000,
  EnrichmentLookupKeys1765200000000,
  EnrichmentKeysPublishedBrin1765300000000,
  RemovedFeeds1765400000000,
  EnrichmentsFollowArticles1765500000000,
  EnrichmentOrphansRemoved1765600000000,
  SearchFiltersInTextIndex1765700000000,
  PublishedDaysInTextIndex1765800000000,
];
