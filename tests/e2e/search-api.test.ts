import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FeedServer, rssFeed } from '../support/feed-server.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

interface Item {
  id: string;
  title: string;
  url: string | null;
  summary: string;
  language: string;
  feedId: string;
  publishedAt: string;
  rank: number;
  storyId: string | null;
  places: string[];
  highlights?: { title: string; summary: string };
  story?: { id: string | null; articles: number; sources: number; languages: string[] };
}

interface Page {
  items: Item[];
  nextCursor: string | null;
  facets?: {
    languages: { value: string; count: number }[];
    places: { value: string; count: number }[];
    feeds: { value: string; count: number }[];
  };
}

const STORY_TITLE = 'Storm Ciaran floods the port of Brest and cuts power to thousands';
const STORY_TEXT =
  'Storm Ciaran brought winds of 190 km/h to Brittany overnight, flooding the port of Brest, ' +
  'uprooting trees across Finistère and leaving 300,000 homes without electricity, the grid ' +
  'operator said on Thursday morning as emergency services rescued stranded drivers.';

const WORLD = [
  {
    guid: 'fr-1',
    title: 'Les élections municipales à Paris : le maire sortant est réélu',
    description:
      "Le maire sortant de Paris a été réélu dimanche soir à l'issue du second tour des " +
      'élections municipales, avec une participation en nette hausse par rapport au scrutin précédent.',
    pubDate: new Date(Date.now() - 3_600_000).toUTCString(),
  },
  {
    guid: 'ru-1',
    title: 'Выборы в Москве прошли спокойно',
    description:
      'Явка на выборах в Москве была высокой, сообщила городская избирательная комиссия. ' +
      'Наблюдатели не зафиксировали серьёзных нарушений на избирательных участках столицы.',
    pubDate: new Date(Date.now() - 7_200_000).toUTCString(),
  },
  {
    guid: 'ja-1',
    title: '東京都で大きな地震が発生しました',
    description:
      '気象庁によりますと、けさ東京都で震度五強の地震がありました。この地震による津波の心配はないということです。',
    pubDate: new Date(Date.now() - 10_800_000).toUTCString(),
  },
  { guid: 'story-a', title: STORY_TITLE, description: STORY_TEXT },
];

const REGIONAL = [
  {
    guid: 'story-b',
    title: STORY_TITLE,
    description: `${STORY_TEXT} More updates will follow.`,
  },
  {
    guid: 'kz-1',
    title: 'Токаев провёл переговоры в Астане',
    description:
      'Президент Казахстана Касым-Жомарт Токаев встретился в Астане с генеральным секретарём ' +
      'ОДКБ и обсудил подготовку саммита организации в Алматы.',
    pubDate: new Date(Date.now() - 14_400_000).toUTCString(),
  },
];

describe('search API over the real pipeline', () => {
  const feeds = new FeedServer();
  const stack = new Stack();
  let api = '';
  const get = async <T>(path: string, init?: RequestInit) => {
    const response = await fetch(`${api}${path}`, init);
    return { status: response.status, body: (await response.json()) as T, response };
  };

  before(async () => {
    await feeds.start();
    feeds.routes.set('/world.xml', { body: rssFeed('World', WORLD) });
    feeds.routes.set('/regional.xml', { body: rssFeed('Regional', REGIONAL) });
    await stack.start();
    api = stack.url('api');
    for (const path of ['/world.xml', '/regional.xml']) {
      const created = await fetch(`${api}/feeds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${feeds.baseUrl}${path}` }),
      });
      assert.equal(created.status, 201);
    }
    await waitFor(
      'all six articles to be indexed',
      async () => {
        const { body } = await get<Page>('/search?since=2000-01-01&limit=10');
        return body.items.length === 6 ? true : undefined;
      },
      50_000,
      250,
    );
  });

  after(async () => {
    await stack.stop();
    await feeds.stop();
  });

  it('finds French, Russian and Japanese articles by words of their own language', async () => {
    const cases: [string, string, string][] = [
      ['élection', 'fr', 'Les élections municipales'],
      ['выборах', 'ru', 'Выборы в Москве'],
      ['地震', 'ja', '東京都で大きな地震'],
      ['"大きな地震"', 'ja', '東京都で大きな地震'],
    ];
    for (const [q, language, title] of cases) {
      const { status, body } = await get<Page>(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(status, 200, q);
      assert.equal(body.items.length, 1, `${q}: ${JSON.stringify(body.items.map((i) => i.title))}`);
      assert.equal(body.items[0]!.language, language);
      assert.ok(body.items[0]!.title.startsWith(title));
      assert.match(body.items[0]!.highlights!.title, /<mark>/, `${q} is highlighted`);
    }
    const excluded = await get<Page>(`/search?q=${encodeURIComponent('élections -paris')}`);
    assert.equal(excluded.body.items.length, 0);
  });

  it('filters by language, feed, date and place, and counts facets', async () => {
    const all = await get<Page>('/search?since=2000-01-01&limit=10');
    const languages = all.body.facets!.languages.map((f) => f.value).sort();
    assert.deepEqual(languages, ['en', 'fr', 'ja', 'ru']);
    const french = await get<Page>('/search?lang=fr');
    assert.deepEqual(
      french.body.items.map((i) => i.language),
      ['fr'],
    );
    // Codes the classifier may store besides ISO 639-1: none of these articles has them.
    for (const lang of ['cnr', 'und', 'no', 'fr,nb']) {
      const page = await get<Page>(`/search?lang=${lang}`);
      assert.equal(page.status, 200, lang);
      assert.deepEqual(
        page.body.items.map((i) => i.language),
        lang === 'fr,nb' ? ['fr'] : [],
        lang,
      );
    }

    const worldFeed = all.body.items.find((i) => i.title.startsWith('Выборы'))!.feedId;
    const byFeed = await get<Page>(`/search?feed=${worldFeed}&limit=10`);
    assert.equal(byFeed.body.items.length, 4);
    assert.ok(byFeed.body.items.every((i) => i.feedId === worldFeed));

    const recent = new Date(Date.now() - 2.5 * 3_600_000).toISOString();
    const since = await get<Page>(`/search?since=${encodeURIComponent(recent)}&limit=10`);
    assert.ok(!since.body.items.some((i) => i.language === 'ja'), 'the Japanese article is older');
    assert.equal(since.body.items.length, 4);

    // A subject SIB-200 has no category for, from the Japanese article's cue words (地震, 津波).
    const disasters = await get<Page>(
      `/search?topic=${encodeURIComponent('medtop:03000000')}&limit=10`,
    );
    assert.ok(disasters.body.items.some((i) => i.language === 'ja'));
    assert.ok(!disasters.body.items.some((i) => i.language === 'fr' || i.language === 'ru'));

    const place = all.body.facets!.places[0];
    assert.ok(place, 'the classifier found at least one place');
    const byPlace = await get<Page>(`/search?place=${encodeURIComponent(place.value)}&limit=10`);
    assert.equal(byPlace.body.items.length, place.count);
    assert.ok(byPlace.body.items.every((i) => i.places.includes(place.value)));
  });

  it('filters by country and city names and by entity aliases, in any language', async () => {
    const titles = async (query: string) => {
      const { status, body } = await get<Page>(`/search?${query}&limit=10`);
      assert.equal(status, 200, query);
      return body.items.map((i) => i.title).sort();
    };
    const kazakh = ['Токаев провёл переговоры в Астане'];
    for (const place of ['Казахстан', 'kazakhstan', 'KZ', 'Алматы', 'Almaty']) {
      assert.deepEqual(await titles(`place=${encodeURIComponent(place)}`), kazakh, place);
    }
    for (const place of ['Moscow', 'Москва']) {
      assert.deepEqual(
        await titles(`place=${encodeURIComponent(place)}`),
        ['Выборы в Москве прошли спокойно'],
        place,
      );
    }
    assert.deepEqual(await titles(`place=${encodeURIComponent('東京都')}`), [
      '東京都で大きな地震が発生しました',
    ]);
    // The classifier stored the canonical names: Kassym-Jomart Tokayev, CSTO.
    for (const entity of [
      'Kassym-Jomart Tokayev',
      'Tokayev',
      'Tokaïev',
      'Токаев',
      'ОДКБ',
      'otsc',
    ]) {
      assert.deepEqual(await titles(`entity=${encodeURIComponent(entity)}`), kazakh, entity);
    }
    const unknown = await get<{ parameter: string; message: string[] }>('/search?place=Atlantis');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.parameter, 'place');
    assert.match(unknown.body.message[0]!, /unknown place "Atlantis"/);
  });

  it('collapses a story published by two feeds into one result with its source count', async () => {
    const plain = await get<Page>('/search?q=Ciaran%20Brest');
    assert.equal(plain.body.items.length, 2);
    const [a, b] = plain.body.items;
    assert.ok(a!.storyId && a!.storyId === b!.storyId, 'the classifier linked the two versions');
    const collapsed = await get<Page>('/search?q=Ciaran%20Brest&collapse=story');
    assert.equal(collapsed.body.items.length, 1);
    assert.equal(collapsed.body.items[0]!.story!.sources, 2);
    assert.equal(collapsed.body.items[0]!.story!.articles, 2);

    const story = await get<{ articles: number; items: { id: string }[] }>(
      `/stories/${a!.storyId}`,
    );
    assert.equal(story.status, 200);
    assert.equal(story.body.articles, 2);
  });

  it('pages with cursors, newest first without a query', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/search?since=2000-01-01&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const { body } = await get<Page>(query);
      seen.push(...body.items.map((i) => i.publishedAt + i.id));
      cursor = body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 6);
    assert.equal(new Set(seen).size, 6);
    assert.deepEqual(seen, [...seen].sort().reverse());
  });

  it('answers bad input with a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/search?q=x&limit=1000000', 'limit'],
      [`/search?q=${'x'.repeat(10_240)}`, 'q'],
      ['/search?q=x&lang=xx', 'lang'],
      ['/search?q=x&feed=123', 'feed'],
      ['/search?q=x&cursor=garbage', 'cursor'],
      ['/search?q=-x', 'q'],
      ['/search?q=x&topic=medtop:99999999', 'topic'],
      ['/search', 'q'],
      ['/feeds/out/pdf?q=x', 'format'],
    ];
    for (const [path, parameter] of cases) {
      const { status, body } = await get<{ parameter: string; message: string[] }>(path);
      assert.equal(status, 400, path);
      assert.equal(body.parameter, parameter, path);
      assert.ok(body.message[0]!.length > 10);
    }
  });

  it('serves an article with its enrichment and versions, topics and places', async () => {
    const { body } = await get<Page>('/search?q=Москве');
    const article = await get<{
      title: string;
      enrichment: { language: string } | null;
      versions: unknown[];
    }>(`/articles/${body.items[0]!.id}`);
    assert.equal(article.status, 200);
    assert.equal(article.body.enrichment?.language, 'ru');
    assert.equal(article.body.versions.length, 1);
    const topics = await get<{ items: { code: string; label: string }[] }>('/topics');
    assert.ok(topics.body.items.some((t) => t.code === 'medtop:11000000'));
    const places = await get<{ countries: { code: string }[]; cities: { code: string }[] }>(
      '/places',
    );
    assert.ok(places.body.countries.some((c) => c.code === 'JP'));
    assert.ok(places.body.cities.every((c) => c.code.startsWith('geonames:')));
    assert.equal((await fetch(`${api}/articles/0f0f0f0f-0000-4000-8000-000000000000`)).status, 404);
    const openapi = await get<{ openapi: string; paths: Record<string, unknown> }>(
      '/docs/openapi.json',
    );
    assert.equal(openapi.body.openapi, '3.1.0');
    assert.ok(openapi.body.paths['/search'] && openapi.body.paths['/webhooks']);
    assert.equal((await fetch(`${api}/docs`)).status, 200);
  });
});
