import type { NsKey } from '../xml/xml-query.js';

export type Candidates = ReadonlyArray<readonly [NsKey, string]>;

/** Where each field may be found, in order of preference (hoisted: read for every item). */
export const CHANNEL_TITLE: Candidates = [
  ['', 'title'],
  ['dc', 'title'],
];
export const CHANNEL_DESCRIPTION: Candidates = [
  ['', 'description'],
  ['itunes', 'summary'],
  ['itunes', 'subtitle'],
  ['dc', 'description'],
];
export const NEW_FEED_URL: Candidates = [['itunes', 'new-feed-url']];
export const CHANNEL_LANGUAGE: Candidates = [
  ['', 'language'],
  ['dc', 'language'],
];
export const CHANNEL_COPYRIGHT: Candidates = [
  ['', 'copyright'],
  ['dc', 'rights'],
];
export const CHANNEL_GENERATOR: Candidates = [['', 'generator']];
export const CHANNEL_PUBLISHED: Candidates = [['', 'pubDate']];
export const CHANNEL_UPDATED: Candidates = [
  ['', 'lastBuildDate'],
  ['dc', 'date'],
  ['atom', 'updated'],
];
export const MANAGING_EDITOR: Candidates = [['', 'managingEditor']];
export const WEB_MASTER: Candidates = [['', 'webMaster']];
export const ITUNES_AUTHOR: Candidates = [['itunes', 'author']];
export const SY_PERIOD: Candidates = [['sy', 'updatePeriod']];
export const SY_FREQUENCY: Candidates = [['sy', 'updateFrequency']];
export const TTL: Candidates = [['', 'ttl']];
export const IMAGE_URL: Candidates = [['', 'url']];
export const IMAGE_TITLE: Candidates = [['', 'title']];
export const PLAIN_DESCRIPTION: Candidates = [['', 'description']];
export const ITEM_GUID: Candidates = [
  ['', 'guid'],
  ['dc', 'identifier'],
];
export const ITEM_TITLE: Candidates = [
  ['', 'title'],
  ['dc', 'title'],
  ['media', 'title'],
];
export const ITEM_SUMMARY: Candidates = [
  ['', 'description'],
  ['dc', 'description'],
  ['itunes', 'summary'],
  ['media', 'description'],
];
export const ITEM_CONTENT: Candidates = [
  ['content', 'encoded'],
  ['atom', 'content'],
  ['', 'encoded'],
];
export const ITEM_PUBLISHED: Candidates = [
  ['', 'pubDate'],
  ['dc', 'date'],
  ['atom', 'published'],
  ['dcterms', 'issued'],
  ['dcterms', 'created'],
];
export const ITEM_UPDATED: Candidates = [
  ['atom', 'updated'],
  ['dcterms', 'modified'],
  ['', 'lastBuildDate'],
  ['dc', 'date'],
];
export const ITEM_COMMENTS: Candidates = [['', 'comments']];
export const ITEM_LANGUAGE: Candidates = [['dc', 'language']];
