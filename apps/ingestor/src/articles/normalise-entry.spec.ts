import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedEntry } from '../parse/types.js';
import { normaliseEntry } from './normalise-entry.js';

const FEED_A = '00000000-0000-4000-8000-00000000000a';
const FEED_B = '00000000-0000-4000-8000-00000000000b';
const TEXT =
  '<p>The harbour authority said on Tuesday that the breakwater would be finished before winter.</p>';

const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  guid: 'g-1',
  title: 'Breakwater finished before winter',
  link: 'https://News.example/story?id=7&utm_source=rss&fbclid=abc#comments',
  links: [],
  authors: [{ name: 'Ann Reporter' }],
  categories: ['Local'],
  summary: TEXT,
  enclosures: [],
  published: '2026-03-04T09:00:00Z',
  ...over,
});

describe('normaliseEntry', () => {
  it('derives the canonical URL with tracking parameters stripped before hashing', () => {
    const article = normaliseEntry(entry(), 'https://news.example/feed.xml', FEED_A)!;
    assert.equal(article.canonicalUrl, 'https://news.example/story?id=7');
    const clean = normaliseEntry(entry({ link: 'http://news.example/story?id=7' }), 'x:', FEED_B)!;
    assert.equal(
      article.canonicalUrlHash,
      clean.canonicalUrlHash,
      'same article across feeds and schemes',
    );
    assert.equal(article.contentText.includes('<p>'), false);
    assert.equal(article.publishedAt?.toISOString(), '2026-03-04T09:00:00.000Z');
  });

  it('gives the same fingerprint to the same story in two feeds, a new content hash to an edit', () => {
    const a = normaliseEntry(entry(), 'https://a.example/feed', FEED_A)!;
    const b = normaliseEntry(
      entry({ guid: 'other', link: undefined }),
      'https://b.example/feed',
      FEED_B,
    )!;
    assert.equal(a.contentFingerprint, b.contentFingerprint);
    const edited = normaliseEntry(
      entry({ summary: `${TEXT}<p>Updated at noon.</p>` }),
      'https://a.example/feed',
      FEED_A,
    )!;
    assert.notEqual(edited.contentHash, a.contentHash);
    const markupOnly = normaliseEntry(
      entry({ summary: TEXT.replace('<p>', '<p class="x">') }),
      'https://a.example/feed',
      FEED_A,
    )!;
    assert.equal(
      markupOnly.contentHash,
      a.contentHash,
      'markup-only changes are not a new version',
    );
  });

  it('keeps a too-short entry from matching another feed (a key of its own feed)', () => {
    const short = (feed: string) =>
      normaliseEntry(
        entry({ title: 'Update', summary: undefined, link: undefined }),
        'https://a.example/',
        feed,
      )!;
    assert.notEqual(short(FEED_A).contentFingerprint, short(FEED_B).contentFingerprint);
    assert.match(short(FEED_A).contentFingerprint, /^entry:/);
  });

  it('drops an entry with neither title nor text', () => {
    assert.equal(
      normaliseEntry(entry({ title: undefined, summary: undefined }), 'https://a.example/', FEED_A),
      null,
    );
  });
});
