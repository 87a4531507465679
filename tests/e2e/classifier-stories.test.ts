import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FeedServer, rssFeed } from '../support/feed-server.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

interface EnrichedRow {
  title: string;
  language: string;
  story_id: string;
  near_duplicate_of: string | null;
  article_id: string;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toUTCString();

const ENGLISH =
  'President Kassym-Jomart Tokayev met the secretary general of the CSTO in Almaty on Tuesday. ' +
  'The two discussed border security in Central Asia, the situation in Afghanistan and the ' +
  'summit of the organisation that Kazakhstan will host in Astana next month.';

describe('the classifier links reposts and translations into one story', () => {
  const feeds = new FeedServer();
  const stack = new Stack({ services: ['api', 'ingestor', 'classifier'] });

  before(async () => {
    await feeds.start();
    feeds.routes.set('/kz-news.xml', {
      body: rssFeed('Kazakhstan news', [
        {
          guid: 'tokayev-csto',
          title: 'Tokayev hosts CSTO talks in Almaty',
          description: ENGLISH,
          pubDate: hoursAgo(6),
        },
        {
          guid: 'bundestag-budget',
          title: 'Bundestag approves the 2027 federal budget',
          description:
            'The German parliament approved the federal budget for 2027 on Friday after a long ' +
            'debate in Berlin. Chancellor Friedrich Merz defended higher defence spending while ' +
            'the opposition criticised cuts to social programmes.',
          pubDate: hoursAgo(5),
        },
      ]),
    });
    feeds.routes.set('/aggregator.xml', {
      body: rssFeed('World aggregator', [
        {
          guid: 'agg-1',
          title: 'Tokayev hosts CSTO talks in Almaty',
          description: `${ENGLISH} Read the full story on our partner site. Follow us for more world news.`,
          pubDate: hoursAgo(4),
        },
        {
          guid: 'agg-fr-1',
          title: "Tokaïev accueille des pourparlers de l'OTSC à Almaty",
          description:
            'Le président Kassym-Jomart Tokaïev a reçu mardi à Almaty le secrétaire général de ' +
            "l'OTSC. Les deux hommes ont évoqué la sécurité des frontières en Asie centrale, la " +
            "situation en Afghanistan et le sommet de l'organisation que le Kazakhstan accueillera " +
            'à Astana le mois prochain.',
          pubDate: hoursAgo(3),
        },
      ]),
    });
    await stack.start();
  });

  after(async () => {
    await stack.stop();
    await feeds.stop();
  });

  it('gives the original, its repost and its French translation one story_id, and an unrelated politics article another', async () => {
    // The original's feed first, so the repost and translation find it already stored.
    await subscribe(stack, `${feeds.baseUrl}/kz-news.xml`);
    await waitForEnriched(stack, 2);
    await subscribe(stack, `${feeds.baseUrl}/aggregator.xml`);
    const rows = await waitForEnriched(stack, 4);
    const byTitle = (prefix: string, language: string) =>
      rows.find((r) => r.title.startsWith(prefix) && r.language === language)!;
    const original = rows.find(
      (r) => r.title.startsWith('Tokayev') && r.near_duplicate_of === null,
    )!;
    const repost = rows.find(
      (r) => r.title.startsWith('Tokayev') && r.article_id !== original.article_id,
    )!;
    const french = byTitle('Tokaïev', 'fr');
    const budget = byTitle('Bundestag', 'en');

    assert.ok(original && repost && french && budget, JSON.stringify(rows));
    assert.equal(repost.story_id, original.story_id);
    assert.equal(
      repost.near_duplicate_of,
      original.article_id,
      'the repost is linked, not dropped',
    );
    assert.equal(french.story_id, original.story_id);
    assert.equal(french.near_duplicate_of, null);
    assert.notEqual(budget.story_id, original.story_id);
    assert.equal(budget.near_duplicate_of, null);

    const banded = await stack.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM article_enrichments WHERE cardinality(minhash_bands) = 21`,
    );
    assert.equal(banded[0].n, '4', 'every enrichment is findable by its MinHash bands');

    const politics = await stack.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM article_enrichments WHERE topics->0->>'code' = 'medtop:11000000'`,
    );
    assert.ok(Number(politics[0].n) >= 1, 'at least the budget article is classified as politics');
  });
});

describe('the classifier links a translation in a script without capital letters by its names', () => {
  const feeds = new FeedServer();
  const stack = new Stack({ services: ['api', 'ingestor', 'classifier'] });

  // No city and no candidate name on the Hindi side: only its words can name the people, so
  // each pair meets through the lookup keys of words and name parts, stored before the other.
  const ovechkin = {
    en: {
      title: 'Alex Ovechkin scores his 897th goal',
      description:
        'Russian forward Alex Ovechkin scored the 897th goal of his career on Sunday. Fans from ' +
        'Canada and Russia watched him play alongside Evgeni Malkin.',
    },
    hi: {
      title: 'एलेक्स ओवेच्किन ने 897वां गोल दागा',
      description:
        'रूसी खिलाड़ी एलेक्स ओवेच्किन ने रविवार को अपने करियर का 897वां गोल किया। कनाडा और रूस के ' +
        'प्रशंसकों ने उन्हें एवगेनी मल्किन के साथ खेलते देखा।',
    },
  };
  const alcaraz = {
    hi: {
      title: 'कार्लोस अल्कराज़ ने 4,250 अंकों के साथ शीर्ष स्थान पाया',
      description:
        'स्पेन के टेनिस खिलाड़ी कार्लोस अल्कराज़ 4,250 अंकों के साथ विश्व रैंकिंग में शीर्ष पर पहुंच ' +
        'गए। उन्होंने फाइनल में यानिक सिनर को हराया।',
    },
    en: {
      title: 'Carlos Alcaraz reaches the top with 4,250 points',
      description:
        'Tennis player Carlos Alcaraz of Spain climbed to the top of the world rankings with ' +
        '4,250 points. He beat Jannik Sinner in the final.',
    },
  };

  // Japanese writes foreign names in katakana, compared by their rough skeletons.
  const ronaldo = {
    ja: {
      title: 'クリスティアーノ・ロナウドが1,250試合目に出場',
      description:
        'ポルトガル代表のクリスティアーノ・ロナウドは日曜日、通算1,250試合目に出場した。' +
        '試合にはブルーノ・フェルナンデスも出場した。',
    },
    en: {
      title: 'Cristiano Ronaldo plays his 1,250th match',
      description:
        'Portugal forward Cristiano Ronaldo played the 1,250th match of his career on Sunday, ' +
        'alongside Bruno Fernandes.',
    },
  };

  before(async () => {
    await feeds.start();
    feeds.routes.set('/first.xml', {
      body: rssFeed('First', [
        { guid: 'ovechkin-en', ...ovechkin.en, pubDate: hoursAgo(4) },
        { guid: 'alcaraz-hi', ...alcaraz.hi, pubDate: hoursAgo(4) },
        { guid: 'ronaldo-ja', ...ronaldo.ja, pubDate: hoursAgo(4) },
      ]),
    });
    feeds.routes.set('/second.xml', {
      body: rssFeed('Second', [
        { guid: 'ovechkin-hi', ...ovechkin.hi, pubDate: hoursAgo(3) },
        { guid: 'alcaraz-en', ...alcaraz.en, pubDate: hoursAgo(3) },
        { guid: 'ronaldo-en', ...ronaldo.en, pubDate: hoursAgo(3) },
      ]),
    });
    await stack.start();
  });

  after(async () => {
    await stack.stop();
    await feeds.stop();
  });

  it('gives a Hindi or Japanese article and its English original one story, whichever came first', async () => {
    await subscribe(stack, `${feeds.baseUrl}/first.xml`);
    await waitForEnriched(stack, 3);
    await subscribe(stack, `${feeds.baseUrl}/second.xml`);
    const rows = await waitForEnriched(stack, 6);
    const story = (title: string) => rows.find((r) => r.title === title)?.story_id;

    assert.equal(rows.length, 6, JSON.stringify(rows));
    assert.equal(story(ovechkin.hi.title), story(ovechkin.en.title), JSON.stringify(rows));
    assert.equal(story(alcaraz.en.title), story(alcaraz.hi.title), JSON.stringify(rows));
    assert.equal(story(ronaldo.en.title), story(ronaldo.ja.title), JSON.stringify(rows));
    const stories = [ovechkin.en, alcaraz.en, ronaldo.en].map((a) => story(a.title));
    assert.equal(new Set(stories).size, 3);
  });
});

async function subscribe(stack: Stack, url: string): Promise<void> {
  const response = await fetch(`${stack.url('api')}/feeds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  assert.equal(response.status, 201, await response.text());
}

async function waitForEnriched(stack: Stack, count: number): Promise<EnrichedRow[]> {
  return waitFor(
    `${count} classified articles`,
    async () => {
      const rows = await stack.query<EnrichedRow>(
        `SELECT a.title, e.language, e.story_id::text, e.near_duplicate_of::text, e.article_id::text
           FROM article_enrichments e JOIN articles a ON a.id = e.article_id
          ORDER BY e.published_at`,
      );
      return rows.length >= count ? rows : undefined;
    },
    60_000,
    250,
  );
}
