export { parseFeed, parseFeedText, type ParseFeedInput } from './parse-feed.js';
export { decodeFeedBytes, type DecodedFeed } from './charset/decode-feed-bytes.js';
export { parseFeedDate } from './dates/parse-feed-date.js';
export * from './types.js';
