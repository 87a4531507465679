import { readModelJson } from '../model/paths.js';
import { relativesOf } from '../language/relatives.js';
import { skeletonWords } from './features.js';

export const SUBJECT_CUES_FILE = 'subject-cues.json';

/** language → IPTC subject code → cues (see SubjectCues for their notation). */
export type SubjectCueTable = Record<string, Record<string, string[]>>;

/** A subject's score for 1, 2, 3 … distinct cues found: one cue alone is a hint, not a topic. */
const SCORE_BY_CUES = [0, 0.3, 0.6, 0.75, 0.85];

export interface SubjectScore {
  code: string;
  score: number;
  cues: number;
  /** A cue of it starts before `titleEnd`: in the title, where the caller's text begins. */
  inTitle: boolean;
}

interface CompiledCue {
  subject: string;
  /** The word must end where the cue ends (notation `$`). */
  wholeWord: boolean;
  text: string;
}

/**
 * The IPTC subjects SIB-200 has no category for (crime, disasters, economy, education,
 * environment, labour, religion, society, conflict, weather), recognised by hand-written cue
 * words in many languages: nobody has labelled them in 44 languages, and a model learnt from
 * 701 sentences' silver labels did not carry across languages. A cue is a word start
 * ("inflat" finds inflation), `$` makes it a whole word (an English "war" is not "warm"), `~`
 * finds it inside words too (German compounds, Chinese, Japanese, Thai, Hebrew prefixes); cues
 * are matched on topicSkeleton() text: lower case, words separated by single spaces.
 */
export class SubjectCues {
  /** language → its cues: a German "war" (was) is no English war. */
  private readonly byLanguage = new Map<string, LanguageCues>();

  constructor(table: SubjectCueTable) {
    for (const [language, subjects] of Object.entries(table)) {
      const cues: LanguageCues = {
        atWordStart: new Map(),
        anywhere: new Map(),
        oneLetter: new Map(),
        starts: new Uint8Array(0x10000),
      };
      for (const [subject, list] of Object.entries(subjects)) {
        for (const cue of list) addCue(cues, subject, cue);
      }
      this.byLanguage.set(language, cues);
    }
  }

  static load(): SubjectCues {
    return new SubjectCues(readModelJson<SubjectCueTable>(SUBJECT_CUES_FILE));
  }

  /** A language's own cues, or else its closest relative's (Slovak reads Czech ones). */
  private cuesOf(language: string): LanguageCues | undefined {
    const own = this.byLanguage.get(language);
    if (own) return own;
    for (const relative of relativesOf(language)) {
      const borrowed = this.byLanguage.get(relative);
      if (borrowed) return borrowed;
    }
    return undefined;
  }

  languages(): string[] {
    return [...this.byLanguage.keys()];
  }

  /**
   * Subjects with at least one of the language's cues (or its closest relative's) in the
   * skeleton, the most cues first; none for a language without cues (or `und`).
   */
  subjects(skeleton: string, language: string, titleEnd = 0): SubjectScore[] {
    const cues = this.cuesOf(language);
    if (!cues) return [];
    const found = new Map<string, Found>();
    const { starts } = cues;
    for (let i = 0; i < skeleton.length; i++) {
      const code = skeleton.charCodeAt(i);
      const flags = starts[code]!;
      if (flags === 0) continue;
      const inTitle = i < titleEnd;
      if (flags & STARTS_A_WORD_CUE && (i === 0 || skeleton.charCodeAt(i - 1) === SPACE)) {
        const candidates = cues.atWordStart.get(pairKey(code, skeleton.charCodeAt(i + 1)));
        collect(candidates, skeleton, i, inTitle, found);
      }
      if (flags & STARTS_ANYWHERE_CUE) {
        const candidates = cues.anywhere.get(pairKey(code, skeleton.charCodeAt(i + 1)));
        collect(candidates, skeleton, i, inTitle, found);
      }
      if (flags & IS_ONE_LETTER_CUE) collect(cues.oneLetter.get(code), skeleton, i, inTitle, found);
    }
    return [...found]
      .map(([code, { texts, inTitle }]) => ({
        code,
        cues: texts.length,
        score: SCORE_BY_CUES[Math.min(texts.length, SCORE_BY_CUES.length - 1)]!,
        inTitle,
      }))
      .sort((a, b) => b.cues - a.cues || a.code.localeCompare(b.code));
  }
}

const SPACE = 32;

/**
 * Cues by their first two characters: word-start ones tried only where a word starts, the others
 * everywhere; one-letter cues (霜, frost) by their letter.
 */
interface LanguageCues {
  atWordStart: Map<number, CompiledCue[]>;
  anywhere: Map<number, CompiledCue[]>;
  oneLetter: Map<number, CompiledCue[]>;
  /** Per UTF-16 code: which kinds of cue start with it (most characters start none). */
  starts: Uint8Array;
}

const STARTS_A_WORD_CUE = 1;
const STARTS_ANYWHERE_CUE = 2;
const IS_ONE_LETTER_CUE = 4;

/** Small integers (V8's fast map keys); a collision only costs a failed startsWith. */
function pairKey(first: number, second: number): number {
  return (first << 11) | (second & 0x7ff);
}

interface Found {
  /** Distinct cue texts (a handful: an array beats a Set). */
  texts: string[];
  inTitle: boolean;
}

function collect(
  candidates: CompiledCue[] | undefined,
  skeleton: string,
  at: number,
  inTitle: boolean,
  found: Map<string, Found>,
): void {
  if (!candidates) return;
  for (const cue of candidates) {
    const end = matchEnd(skeleton, at, cue.text);
    if (end < 0) continue;
    if (cue.wholeWord && end < skeleton.length && skeleton.charCodeAt(end) !== SPACE) continue;
    let subject = found.get(cue.subject);
    if (!subject) found.set(cue.subject, (subject = { texts: [], inTitle: false }));
    if (!subject.texts.includes(cue.text)) subject.texts.push(cue.text);
    subject.inTitle ||= inTitle;
  }
}

/**
 * Where the cue's match ends, or -1. The first letter is known to match (the index is keyed by
 * it). Each word of a multi-word cue is a word start too, as a single-word cue is: "ракетн удар"
 * finds "ракетного удару", "interest rate" finds "interest rates".
 */
function matchEnd(skeleton: string, at: number, text: string): number {
  let j = at + 1;
  for (let k = 1; k < text.length; k++, j++) {
    const expected = text.charCodeAt(k);
    if (expected === SPACE) {
      while (j < skeleton.length && skeleton.charCodeAt(j) !== SPACE) j++;
    }
    if (j >= skeleton.length || skeleton.charCodeAt(j) !== expected) return -1;
  }
  return j;
}

function addCue(cues: LanguageCues, subject: string, cue: string): void {
  const wholeWord = cue.endsWith('$');
  const text = skeletonWords(cue.replace(/^~/, '').replace(/\$$/, ''));
  if (!text) return;
  const anywhere = cue.startsWith('~');
  if (!anywhere && text.length < 2) {
    throw new Error(`subject cue "${cue}": a word start needs two letters`);
  }
  const first = text.charCodeAt(0);
  const [index, key, flag] =
    text.length === 1
      ? [cues.oneLetter, first, IS_ONE_LETTER_CUE]
      : [
          anywhere ? cues.anywhere : cues.atWordStart,
          pairKey(first, text.charCodeAt(1)),
          anywhere ? STARTS_ANYWHERE_CUE : STARTS_A_WORD_CUE,
        ];
  const list = index.get(key) ?? [];
  list.push({ subject, wholeWord, text });
  index.set(key, list);
  cues.starts[first] = (cues.starts[first] ?? 0) | flag;
}
