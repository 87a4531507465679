import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseFeed } from './parse-feed.js';
import type { ParsedFeed } from './types.js';
import { feedFixture } from './testing/fixture-paths.js';
import {
  atomComparisons,
  rssComparisons,
  universalComparisons,
  type Comparison,
} from './testing/gofeed-expectations.js';

/** gofeed's own test table (RSS, RDF, Atom 0.3/1.0, JSON Feed) replayed against our parser. */

type Json = Record<string, unknown>;
type Compare = (expected: Json, feed: ParsedFeed) => Comparison[];

interface Suite {
  readonly folder: string[];
  readonly source: string;
  readonly expected: (name: string) => string;
  readonly compare: Compare;
}

const SUITES: Suite[] = [
  {
    folder: ['translator', 'rss'],
    source: '.xml',
    expected: (n) => `${n}.json`,
    compare: universalComparisons,
  },
  {
    folder: ['translator', 'atom'],
    source: '.xml',
    expected: (n) => `${n}.json`,
    compare: universalComparisons,
  },
  {
    folder: ['translator', 'json'],
    source: '.json',
    expected: (n) => `${n}_expected.json`,
    compare: universalComparisons,
  },
  {
    folder: ['parser', 'rss'],
    source: '.xml',
    expected: (n) => `${n}.json`,
    compare: rssComparisons,
  },
  {
    folder: ['parser', 'atom'],
    source: '.xml',
    expected: (n) => `${n}.json`,
    compare: atomComparisons,
  },
];

/**
 * Fields of a case whose expectation this project deliberately does not share. Only the named
 * labels are left out; everything else in the case is still compared.
 */
const FIRST_LINK_WINS =
  'several <link>s: the first is the home page (gofeed takes the last, an href-only one)';
const KNOWN_DIFFERENCES: Readonly<Record<string, { labels: string[]; reason: string }>> = {
  'translator/rss/feed_item_links_-_rss_channel_item_links': {
    labels: ['items[0].link'],
    reason: FIRST_LINK_WINS,
  },
  'translator/rss/feed_links_-_rdf_channel_links': { labels: ['link'], reason: FIRST_LINK_WINS },
  'translator/rss/feed_links_-_rss_channel_links': { labels: ['link'], reason: FIRST_LINK_WINS },
  'parser/rss/rdf_channel_links': { labels: ['link'], reason: FIRST_LINK_WINS },
  'parser/rss/rdf_item_links': { labels: ['entries[0].link'], reason: FIRST_LINK_WINS },
  'parser/rss/rss_channel_item_links': { labels: ['entries[0].link'], reason: FIRST_LINK_WINS },
  'parser/rss/rss_channel_links': { labels: ['link'], reason: FIRST_LINK_WINS },
  'translator/json/json10_full': {
    labels: ['updatedParsed', 'publishedParsed'],
    reason: 'JSON Feed has no feed-level dates; we do not invent them from the items',
  },
  'translator/json/json11_full': {
    labels: ['updatedParsed', 'publishedParsed'],
    reason: 'JSON Feed has no feed-level dates; we do not invent them from the items',
  },
  'parser/atom/atom10_feed_entry_content_html_div_escaped_markup': {
    labels: ['entries[0].content'],
    reason: 'type="html" content must be text; stray XHTML markup inside it is kept, not unwrapped',
  },
};

for (const suite of SUITES) {
  const folder = feedFixture('gofeed', 'testdata', ...suite.folder);
  const names = readdirSync(folder)
    .filter((file) => file.endsWith(suite.source) && !file.endsWith('_expected.json'))
    .map((file) => file.slice(0, -suite.source.length))
    .filter(
      (name) => suite.source !== '.json' || readdirSync(folder).includes(suite.expected(name)),
    );
  describe(`gofeed ${suite.folder.join('/')} (${names.length} cases)`, () => {
    for (const name of names) {
      const ignored = new Set(KNOWN_DIFFERENCES[`${suite.folder.join('/')}/${name}`]?.labels ?? []);
      it(name, () => {
        const feed = parseFeed({ body: readFileSync(join(folder, name + suite.source)) });
        const expected = JSON.parse(
          readFileSync(join(folder, suite.expected(name)), 'utf8'),
        ) as Json;
        const comparisons = suite.compare(expected, feed).filter(([label]) => !ignored.has(label));
        assert.ok(comparisons.length > 0, 'the expectation maps to at least one field');
        const mismatches = comparisons.filter(([, want, got]) => !isDeepEqual(want, got));
        assert.deepEqual(
          mismatches.map(([label, want, got]) => ({ label, want, got })),
          [],
        );
      });
    }
  });
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepEqual(normalise(a), normalise(b));
    return true;
  } catch {
    return false;
  }
}

/** Empty strings, empty arrays and undefined all mean "absent" in both models. */
function normalise(value: unknown): unknown {
  if (value === '' || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const normalised = normalise(item);
      if (normalised !== undefined) out[key] = normalised;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}
