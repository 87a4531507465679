import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedEntry } from '../parse/types.js';
import { StoredEntries } from './stored-entries.js';

const entry = (guid: string, title = 'A title'): FeedEntry => ({
  guid,
  title,
  links: [],
  authors: [],
  categories: [],
  enclosures: [],
});
const URL_A = 'https://example.org/feed.xml';

describe('StoredEntries', () => {
  it('knows an entry stored from a feed, as parsed, and nothing else', () => {
    const memo = new StoredEntries(100);
    const first = memo.digest(entry('1'), URL_A);
    memo.remember('feed-a', [first]);
    assert.equal(memo.stored('feed-a', memo.digest(entry('1'), URL_A)), true);
    // Another feed, an edited entry, or the same entry at another URL (links resolve against it).
    assert.equal(memo.stored('feed-b', first), false);
    assert.equal(memo.stored('feed-a', memo.digest(entry('1', 'Edited'), URL_A)), false);
    assert.equal(
      memo.stored('feed-a', memo.digest(entry('1'), 'https://example.org/moved')),
      false,
    );
  });

  it("keeps only a feed's last stored fetch", () => {
    const memo = new StoredEntries(100);
    const [one, two] = [memo.digest(entry('1'), URL_A), memo.digest(entry('2'), URL_A)];
    memo.remember('feed-a', [one, two]);
    memo.remember('feed-a', [two]);
    assert.equal(memo.stored('feed-a', one), false);
    assert.equal(memo.stored('feed-a', two), true);
  });

  it('forgets the feeds stored longest ago beyond its size, and remembers nothing at 0', () => {
    const memo = new StoredEntries(3);
    const d = (guid: string) => memo.digest(entry(guid), URL_A);
    memo.remember('feed-a', [d('1'), d('2')]);
    memo.remember('feed-b', [d('3')]);
    memo.remember('feed-c', [d('4')]);
    assert.equal(memo.stored('feed-a', d('1')), false);
    assert.equal(memo.stored('feed-b', d('3')), true);
    assert.equal(memo.stored('feed-c', d('4')), true);
    const none = new StoredEntries(0);
    none.remember('feed-a', [d('1')]);
    assert.equal(none.stored('feed-a', d('1')), false);
  });
});
