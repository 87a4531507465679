import { argmax, LinearModel } from '../model/linear-model.js';
import { cleanText } from '../text/normalize.js';
import { languageFeatures, letterSkeleton } from './features.js';
import {
  preferOtherLanguage,
  WIDE_MIN_LETTERS,
  type WideLanguageIdentifier,
} from './other-languages.js';
import { countScripts, dominantScript, type Script, type ScriptCounts } from './script.js';

export interface LanguageGuess {
  code: string;
  confidence: number;
}

export const UNDETERMINED: LanguageGuess = { code: 'und', confidence: 0 };

/** Scripts written by (practically) one language among those we serve. */
const SINGLE_LANGUAGE_SCRIPTS: Partial<Record<Script, string>> = {
  Greek: 'el',
  Armenian: 'hy',
  Hebrew: 'he',
  Georgian: 'ka',
  Hangul: 'ko',
  Thai: 'th',
  Kana: 'ja',
  Devanagari: 'hi',
  Bengali: 'bn',
  Tamil: 'ta',
  Gujarati: 'gu',
  Gurmukhi: 'pa',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Sinhala: 'si',
  Lao: 'lo',
  Tibetan: 'bo',
  Myanmar: 'my',
  Ethiopic: 'am',
  Khmer: 'km',
};

export const MODEL_SCRIPTS = ['Latin', 'Cyrillic', 'Arabic'] as const;
export type ModelScript = (typeof MODEL_SCRIPTS)[number];

export function languageModelFile(script: ModelScript): string {
  return `language-${script.toLowerCase()}.bin.gz`;
}

export interface LanguageDetectorOptions {
  /** Below this probability the answer is 'und'. */
  threshold?: number;
  /** Fewer letters than this is too little evidence for a model-based answer. */
  minLetters?: number;
  /** Names the languages the models here were not trained on (lid.176 in the service). */
  others?: WideLanguageIdentifier;
}

export class LanguageDetector {
  private readonly scratch = { buf: new Uint32Array(8192) };
  private readonly threshold: number;
  private readonly minLetters: number;
  private readonly others?: WideLanguageIdentifier;
  /** Every code this detector answers without `others`. */
  readonly known: ReadonlySet<string>;

  constructor(
    private readonly models: Record<ModelScript, LinearModel>,
    private readonly options: LanguageDetectorOptions = {},
  ) {
    this.threshold = options.threshold ?? 0.3;
    this.minLetters = options.minLetters ?? 3;
    this.others = options.others;
    this.known = new Set([
      'zh',
      ...Object.values(SINGLE_LANGUAGE_SCRIPTS),
      ...MODEL_SCRIPTS.flatMap((script) => models[script].header.labels),
    ]);
  }

  /** The same models, asking `others` about languages they do not know. */
  withOthers(others: WideLanguageIdentifier): LanguageDetector {
    return new LanguageDetector(this.models, { ...this.options, others });
  }

  static load(options?: LanguageDetectorOptions): LanguageDetector {
    const models = Object.fromEntries(
      MODEL_SCRIPTS.map((s) => [s, LinearModel.load(languageModelFile(s))]),
    ) as Record<ModelScript, LinearModel>;
    return new LanguageDetector(models, options);
  }

  /**
   * `declared`: the language the text's publisher declares (see declaredCode); where the models
   * name it too, `others` is not asked.
   */
  detect(input: string, declared?: string): LanguageGuess {
    const text = cleanText(input, 4000);
    const { counts, letters } = countScripts(text);
    if (letters < this.minLetters) return UNDETERMINED;
    const guess = this.fromScripts(text, counts, letters);
    if (!this.others || letters < WIDE_MIN_LETTERS || guess.code === declared) return guess;
    return preferOtherLanguage(guess, this.others.identify(text), this.known);
  }

  private fromScripts(text: string, counts: ScriptCounts, letters: number): LanguageGuess {
    const script = resolveScript(counts);
    if (!script) return UNDETERMINED;
    const share = (counts[script] ?? 0) / letters;
    if (script === 'Han') return { code: 'zh', confidence: round(share) };
    const single = SINGLE_LANGUAGE_SCRIPTS[script];
    if (single) return { code: single, confidence: round(share) };
    if (!isModelScript(script)) return { code: 'und', confidence: 0 };
    return this.fromModel(script, text, share);
  }

  /** Per-language probabilities from one script model, for evaluation and debugging. */
  probabilities(script: ModelScript, text: string): Map<string, number> {
    const model = this.models[script];
    const n = languageFeatures(letterSkeleton(text), this.scratch);
    const probs = model.probabilities(this.scratch.buf, n);
    return new Map(model.header.labels.map((l, i) => [l, probs[i]]));
  }

  private fromModel(script: ModelScript, text: string, share: number): LanguageGuess {
    const model = this.models[script];
    const n = languageFeatures(letterSkeleton(text), this.scratch);
    const probs = model.probabilities(this.scratch.buf, n);
    const best = argmax(probs);
    const confidence = probs[best] * Math.min(1, share + 0.2);
    if (confidence < this.threshold) return { code: 'und', confidence: round(confidence) };
    return { code: model.header.labels[best], confidence: round(confidence) };
  }
}

/** Japanese mixes Kana into Han; any real share of Kana means Japanese, not Chinese. */
function resolveScript(counts: ScriptCounts): Script | undefined {
  const kana = counts.Kana ?? 0;
  const han = counts.Han ?? 0;
  if (kana + han > 0) {
    const top = dominantScript(counts);
    if (top === 'Han' || top === 'Kana')
      return kana >= Math.max(1, (kana + han) * 0.05) ? 'Kana' : 'Han';
  }
  const top = dominantScript(counts);
  return top === 'Other' ? undefined : top;
}

function isModelScript(script: Script): script is ModelScript {
  return (MODEL_SCRIPTS as readonly string[]).includes(script);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
