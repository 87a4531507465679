/**
 * Builds a near-duplicate / story evaluation set from parallel sentences: "articles" are runs of
 * consecutive sentences; variants imitate what aggregators and newsrooms do to them.
 */
export interface SourceSentence {
  id: number;
  category: string;
  text: string;
  language: string;
}

export interface EvalArticle {
  key: string;
  language: string;
  category: string;
  title: string;
  text: string;
}

export type PairKind = 'repost' | 'light-edit' | 'rewrite' | 'translation' | 'same-topic';

export interface EvalPair {
  kind: PairKind;
  a: EvalArticle;
  b: EvalArticle;
}

const BOILERPLATE_HEAD = ['BREAKING:', 'UPDATE:', 'Exclusive:', 'LIVE:'];
const BOILERPLATE_TAIL = [
  'Read more at newsportal.example. Subscribe to our newsletter for daily updates.',
  '© 2026 Example Media Group. All rights reserved. Follow us on social media.',
  'This article was automatically aggregated. Click here to read the original story.',
];

export function buildArticles(
  sentences: SourceSentence[],
  perArticle = 5,
): Map<string, EvalArticle[]> {
  const byLanguage = new Map<string, SourceSentence[]>();
  for (const s of sentences) byLanguage.set(s.language, [...(byLanguage.get(s.language) ?? []), s]);
  const out = new Map<string, EvalArticle[]>();
  for (const [language, rows] of byLanguage) {
    rows.sort((x, y) => x.id - y.id);
    const articles: EvalArticle[] = [];
    for (let i = 0; i + perArticle <= rows.length; i += perArticle) {
      const chunk = rows.slice(i, i + perArticle);
      articles.push({
        key: chunk.map((r) => r.id).join('-'),
        language,
        category: chunk[0].category,
        title: chunk[0].text.split(/[.!?。]/)[0].slice(0, 90),
        text: chunk.map((r) => r.text).join(' '),
      });
    }
    out.set(language, articles);
  }
  return out;
}

export function buildPairs(
  articles: Map<string, EvalArticle[]>,
  random: () => number,
  perLanguage = 20,
): EvalPair[] {
  const pairs: EvalPair[] = [];
  const languages = [...articles.keys()].sort();
  for (const language of languages) {
    const list = articles.get(language) ?? [];
    for (let i = 0; i < Math.min(perLanguage, list.length); i++) {
      const a = list[i];
      pairs.push({ kind: 'repost', a, b: repost(a, random) });
      pairs.push({ kind: 'light-edit', a, b: lightEdit(a, random) });
      pairs.push({ kind: 'rewrite', a, b: rewrite(a, random) });
      const other = languages[Math.floor(random() * languages.length)];
      const translated = (articles.get(other) ?? []).find((x) => x.key === a.key);
      if (translated && other !== language) pairs.push({ kind: 'translation', a, b: translated });
      const unrelated = list.find(
        (x, j) => j !== i && x.category === a.category && x.key !== a.key,
      );
      if (unrelated) pairs.push({ kind: 'same-topic', a, b: unrelated });
    }
  }
  return pairs;
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

function repost(a: EvalArticle, random: () => number): EvalArticle {
  return {
    ...a,
    title: `${pick(BOILERPLATE_HEAD, random)} ${a.title} | Daily Aggregator`,
    text: `${a.text}\n\n${pick(BOILERPLATE_TAIL, random)}`,
  };
}

/** About 5% of words dropped or duplicated, punctuation changed. */
function lightEdit(a: EvalArticle, random: () => number): EvalArticle {
  const words = a.text.split(' ');
  const out: string[] = [];
  for (const w of words) {
    const r = random();
    if (r < 0.03) continue;
    out.push(r > 0.97 ? `${w} ${w}` : w);
  }
  return { ...a, text: out.join(' ').replace(/,/g, ' -') };
}

/** Sentences reordered and one dropped: same content, different structure. */
function rewrite(a: EvalArticle, random: () => number): EvalArticle {
  const sentences = a.text.match(/[^.!?。]+[.!?。]*/g) ?? [a.text];
  const kept = sentences.filter((_, i) => i !== 1 || sentences.length < 3);
  for (let i = kept.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kept[i], kept[j]] = [kept[j], kept[i]];
  }
  return { ...a, title: `${a.title}: what we know`, text: kept.join(' ') };
}
