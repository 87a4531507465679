import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minhash } from '../fingerprint/minhash.js';
import { shingleHashes } from '../fingerprint/shingles.js';
import { simhash } from '../fingerprint/simhash.js';
import { decideStoryLink, type StoryFingerprint } from './decide.js';
import { hammingDistance, minhashJaccard, simhashBlockKeys } from './similarity.js';

const BASE =
  'The central bank raised its key interest rate by half a point on Tuesday, citing inflation that ' +
  'has stayed above target for a year. Analysts had expected a smaller move. The governor said ' +
  'further increases were possible if prices kept rising in the coming months.';

function fp(text: string, extra: Partial<StoryFingerprint> = {}): StoryFingerprint {
  const sh = shingleHashes(text);
  return { simhash: simhash(sh), minhash: minhash(sh), publishedAt: 0, ...extra };
}

describe('similarity primitives', () => {
  it('hamming distance counts differing bits and rejects malformed input', () => {
    assert.equal(hammingDistance('0000000000000000', '0000000000000000'), 0);
    assert.equal(hammingDistance('ffffffffffffffff', '0000000000000000'), 64);
    assert.equal(hammingDistance('0000000000000001', '8000000000000000'), 2);
    assert.equal(hammingDistance('xyz', '0000000000000000'), 64);
  });

  it('block keys split the simhash into four 16-bit blocks', () => {
    assert.deepEqual(simhashBlockKeys('0123456789abcdef'), [
      '0:0123',
      '1:4567',
      '2:89ab',
      '3:cdef',
    ]);
    assert.deepEqual(simhashBlockKeys('bad'), []);
  });

  it('minhash jaccard is 1 for identical texts and low for unrelated ones', () => {
    const a = minhash(shingleHashes(BASE));
    assert.equal(minhashJaccard(a, a), 1);
    const b = minhash(
      shingleHashes(
        'Heavy rain flooded streets in the north as rivers burst their banks overnight.',
      ),
    );
    assert.ok(minhashJaccard(a, b) < 0.1);
    assert.equal(minhashJaccard(minhash(new Uint32Array(0)), minhash(new Uint32Array(0))), 0);
  });
});

describe('decideStoryLink', () => {
  it('links a repost with boilerplate as a near-duplicate', () => {
    const repost = `BREAKING: ${BASE} Read more at example.com. Subscribe to our newsletter.`;
    assert.equal(decideStoryLink(fp(repost), fp(BASE)).decision, 'near-duplicate');
  });

  it('links a translation through shared places and entities within the window', () => {
    const anchors = {
      countries: ['KZ'],
      cityIds: [1526273],
      entities: ['Kassym-Jomart Tokayev', 'CSTO'],
    };
    const en = fp('Tokayev met the CSTO secretary general in Astana.', anchors);
    const ru = fp('Токаев встретился с генсеком ОДКБ в Астане.', {
      ...anchors,
      publishedAt: 3600_000,
    });
    assert.equal(decideStoryLink(ru, en).decision, 'same-story');
    const late = { ...ru, publishedAt: 10 * 24 * 3600_000 };
    assert.equal(decideStoryLink(late, en).decision, 'unrelated');
  });

  it('keeps same-topic articles that only share a country apart', () => {
    const a = fp(BASE, { countries: ['US'], entities: ['Federal Reserve'] });
    const b = fp('Unemployment fell to a record low as hiring in services accelerated.', {
      countries: ['US'],
      entities: ['Labor Department'],
    });
    assert.equal(decideStoryLink(b, a).decision, 'unrelated');
  });

  it('counts shared figures as anchors: a translation naming one entity, a country and a score', () => {
    const anchors = { countries: ['ES'], entities: ['Real Madrid'] };
    const en = fp('Real Madrid won 3-1; the attendance was 78,297.', {
      ...anchors,
      numbers: ['78.297'],
    });
    const ar = fp('فاز ريال مدريد ٣-١؛ وبلغ عدد الحضور ٧٨٬٢٩٧.', {
      ...anchors,
      numbers: ['78.297'],
      publishedAt: 3600_000,
    });
    assert.equal(decideStoryLink(ar, en).decision, 'same-story');
    const noFigure = { ...ar, numbers: [] };
    assert.equal(decideStoryLink(noFigure, { ...en, numbers: [] }).decision, 'unrelated');
  });

  it('pairs a name given in full on one side with its surname on the other', () => {
    const moscow = { countries: ['RU'], cityIds: [524901] };
    const full = fp(BASE, { ...moscow, entities: ['Alex Ovechkin'] });
    const surname = fp('Ovechkin scored twice in Moscow.', {
      ...moscow,
      entities: ['Ovechkin'],
      publishedAt: 3600_000,
    });
    assert.equal(decideStoryLink(surname, full).decision, 'same-story');
    assert.equal(decideStoryLink(full, surname).decision, 'same-story');
    const someoneElse = { ...surname, entities: ['Malkin'] };
    assert.equal(decideStoryLink(someoneElse, full).decision, 'unrelated');
  });

  it('pairs only whole words of four letters or more, and each name once', () => {
    const anchors = { countries: ['RU'], cityIds: [524901] };
    const full = fp(BASE, { ...anchors, entities: ['Alex Ovechkin'] });
    for (const part of ['Ovech', 'Ale', 'Alex Ovech']) {
      const other = fp('Ovechkin scored twice.', { ...anchors, entities: [part] });
      assert.equal(decideStoryLink(other, full).decision, 'unrelated', part);
    }
    // Already paired exactly, the surname does not pair again with the full name.
    const both = fp(BASE, { countries: ['RU'], entities: ['Ovechkin', 'Alex Ovechkin'] });
    const one = fp('Ovechkin scored twice.', { countries: ['RU'], entities: ['Ovechkin'] });
    const link = decideStoryLink(one, both);
    assert.equal(link.decision, 'unrelated');
    assert.ok(link.reasons.includes('anchors=2/2'), link.reasons.join(' '));
  });

  it('pairs two romanisations of one name a letter apart, never shorter names', () => {
    const anchors = { countries: ['US'], cityIds: [4140963] };
    const a = fp(BASE, { ...anchors, entities: ['rbrt jfrsn'] });
    const linkWith = (name: string) =>
      decideStoryLink(fp('Jefferson spoke.', { ...anchors, entities: [name] }), a).decision;
    assert.equal(linkWith('rbrt jfrsng'), 'same-story');
    assert.equal(linkWith('rbrt kfrsn'), 'same-story');
    assert.equal(linkWith('rbrt kfrsng'), 'unrelated');
    const short = fp(BASE, { ...anchors, entities: ['brhn'] });
    const oneOff = fp('Berhan spoke.', { ...anchors, entities: ['brhm'] });
    assert.equal(decideStoryLink(oneOff, short).decision, 'unrelated');
  });

  it("finds the other side's names among the words of a text without capital letters", () => {
    const anchors = { countries: ['CA', 'RU'], numbers: ['897'] };
    const en = fp(BASE, { ...anchors, entities: ['alks avhkn', 'avjn mlkn', 'sunday'] });
    const hi = fp('एलेक्स ओवेच्किन ने 897वां गोल किया।', {
      ...anchors,
      nameWords: ['avhkn', 'prshnskn'],
      publishedAt: 3600_000,
    });
    assert.equal(decideStoryLink(hi, en).decision, 'same-story');
    assert.equal(decideStoryLink(en, hi).decision, 'same-story');
    const withEnding = { ...hi, nameWords: ['avhknr'] };
    assert.equal(decideStoryLink(withEnding, en).decision, 'same-story');
    const noName = { ...hi, nameWords: ['prshnskn', 'avhknrsk'] };
    assert.equal(decideStoryLink(noName, en).decision, 'unrelated');
    // Common words would link any two such texts: they never meet each other's words.
    const other = fp('ओवेच्किन', { ...anchors, nameWords: ['avhkn', 'prshnskn'] });
    assert.equal(decideStoryLink(other, hi).decision, 'unrelated');
  });

  it('pairs a name in two grammatical cases, and counts one named twice in one article once', () => {
    const anchors = { countries: ['US'], cityIds: [5391959] };
    const en = fp(BASE, {
      ...anchors,
      entities: ['mars', 'klvrn', 'argn', 'utah', 'idaho', 'strdst', 'apl ks', 'ls anjls'],
    });
    // Ukrainian: Марса, Каліфорнії and Каліфорнійський, Землі and Землю, Юти, Аполлону.
    const uk = fp('Невади.', {
      ...anchors,
      entities: ['marsa', 'klvrn', 'klvrnyi', 'zemli', 'zemlyu', 'yuti', 'apln'],
      publishedAt: 3600_000,
    });
    // Shared: US, the city, klvrn and marsa = mars: 4 of the 7 things uk names, where 4 of
    // 9 (the cases counted apart) or 3 of 7 (marsa apart) would stay under half.
    assert.equal(decideStoryLink(uk, en).decision, 'same-story');
    const texas = { ...uk, entities: uk.entities!.map((n) => (n === 'marsa' ? 'tekhas' : n)) };
    assert.equal(decideStoryLink(texas, en).decision, 'unrelated');
  });

  it('never links on figures and countries alone', () => {
    const a = fp(BASE, { countries: ['US'], numbers: ['247', '11', '3.5'] });
    const b = fp('Unemployment fell to a record low as hiring in services accelerated.', {
      countries: ['US'],
      numbers: ['247', '11', '3.5'],
    });
    assert.equal(decideStoryLink(b, a).decision, 'unrelated');
  });
});
