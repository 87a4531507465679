import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '#config';

/** SIB_200_DIR, else ../shared/datasets/sib-200 beside the checkout (training/eval time only). */
export const SIB_DIR = process.env.SIB_200_DIR ?? defaultSibDir();

function defaultSibDir(): string {
  const beside = join(repoRoot(), '..', 'shared', 'datasets', 'sib-200');
  return existsSync(beside) ? beside : '/work/shared/datasets/sib-200';
}

/** SIB-200 / Flores language folder -> the code the classifier reports (639-1 where it exists). */
export const SIB_LANGUAGE_CODES: Record<string, string> = {
  arb_Arab: 'ar',
  azj_Latn: 'az',
  bel_Cyrl: 'be',
  ben_Beng: 'bn',
  bul_Cyrl: 'bg',
  ces_Latn: 'cs',
  dan_Latn: 'da',
  deu_Latn: 'de',
  ell_Grek: 'el',
  eng_Latn: 'en',
  fin_Latn: 'fi',
  fra_Latn: 'fr',
  heb_Hebr: 'he',
  hin_Deva: 'hi',
  hrv_Latn: 'hr',
  hun_Latn: 'hu',
  hye_Armn: 'hy',
  ind_Latn: 'id',
  ita_Latn: 'it',
  jpn_Jpan: 'ja',
  kat_Geor: 'ka',
  kaz_Cyrl: 'kk',
  kir_Cyrl: 'ky',
  kor_Hang: 'ko',
  nld_Latn: 'nl',
  nob_Latn: 'nb',
  pes_Arab: 'fa',
  pol_Latn: 'pl',
  por_Latn: 'pt',
  ron_Latn: 'ro',
  rus_Cyrl: 'ru',
  spa_Latn: 'es',
  srp_Cyrl: 'sr',
  swe_Latn: 'sv',
  swh_Latn: 'sw',
  tgk_Cyrl: 'tg',
  tha_Thai: 'th',
  tur_Latn: 'tr',
  ukr_Cyrl: 'uk',
  urd_Arab: 'ur',
  uzn_Latn: 'uz',
  vie_Latn: 'vi',
  zho_Hans: 'zh',
  zho_Hant: 'zh',
};

export interface SibRow {
  id: number;
  category: string;
  text: string;
  folder: string;
  language: string;
}

export function sibFolders(dir: string = SIB_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f in SIB_LANGUAGE_CODES)
    .sort();
}

export function readSib(split: 'train' | 'dev', dir: string = SIB_DIR): SibRow[] {
  const rows: SibRow[] = [];
  for (const folder of sibFolders(dir)) {
    const lines = readFileSync(join(dir, folder, `${split}.tsv`), 'utf8')
      .split('\n')
      .slice(1);
    for (const line of lines) {
      const [id, category, ...rest] = line.split('\t');
      const text = rest.join('\t').trim();
      if (!text) continue;
      rows.push({ id: Number(id), category, text, folder, language: SIB_LANGUAGE_CODES[folder] });
    }
  }
  return rows;
}

/** A title-like prefix of at most `max` characters, cut at a word boundary when possible. */
export function shortTitle(text: string, max = 40): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space >= max / 3 ? cut.slice(0, space) : cut;
}

/** The distinct sentence ids, ascending: every translation of a sentence shares its id. */
function sentenceIds(rows: readonly SibRow[]): number[] {
  return [...new Set(rows.map((r) => r.id))].sort((a, b) => a - b);
}

/**
 * The sentence ids a tuning run holds out: 15 % of them, drawn with `seed`, so every translation
 * of a held-out sentence is held out with it.
 */
export function heldOutIds(rows: readonly SibRow[], seed = 17): Set<number> {
  const random = rng(seed);
  return new Set(sentenceIds(rows).filter(() => random() < 0.15));
}

export const CV_FOLDS = 5;

/** Fold `fold` of CV_FOLDS over the sentence ids (all translations of a sentence together). */
export function foldIds(rows: readonly SibRow[], fold: number, seed = 23): Set<number> {
  const ids = shuffle(sentenceIds(rows), rng(seed));
  return new Set(ids.filter((_, i) => i % CV_FOLDS === fold));
}

/** The topic model trained without fold `fold` of foldIds(), which TOPIC_FOLD=k train-topics writes. */
export function foldTopicModelPath(fold: number): string {
  return join(repoRoot(), '.cache', `topics-fold-${fold}.bin.gz`);
}

/** train-topic-vectors' out-of-fold probabilities for every train row (see train-topic-pieces). */
export const TOPIC_VECTORS_OUT_OF_FOLD = join(
  repoRoot(),
  '.cache',
  'topic-vectors-out-of-fold.json',
);

/** train-topic-pieces' out-of-fold logits for every train row (see experiment-topic-pool). */
export const TOPIC_PIECES_OUT_OF_FOLD = join(repoRoot(), '.cache', 'topic-pieces-out-of-fold.json');

/** Deterministic PRNG (mulberry32) so training is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
