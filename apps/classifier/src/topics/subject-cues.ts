import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../model/paths.js';

export const SUBJECT_CUES_FILE = 'subject-cues.json';

/** language → IPTC subject code → cues (see SubjectCues for their notation). */
export type SubjectCueTable = Record<string, Record<string, string[]>>;

/** A subject's score for 1, 2, 3 … distinct cues found: one cue alone is a hint, not a topic. */
const SCORE_BY_CUES = [0, 0.3, 0.6, 0.75, 0.85];

export interface SubjectScore {
  code: string;
  score: number;
  cues: number;
}

interface CompiledCue {
  subject: string;
  /** Matched at a word start; otherwise anywhere (notation `~`). */
  wordStart: boolean;
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
  /** language → first character → cues: a German "war" (was) is no English war. */
  private readonly byLanguage = new Map<string, Map<string, CompiledCue[]>>();

  constructor(table: SubjectCueTable) {
    for (const [language, subjects] of Object.entries(table)) {
      const byFirstChar = new Map<string, CompiledCue[]>();
      for (const [subject, cues] of Object.entries(subjects)) {
        for (const cue of cues) addCue(byFirstChar, subject, cue);
      }
      this.byLanguage.set(language, byFirstChar);
    }
  }

  languages(): string[] {
    return [...this.byLanguage.keys()];
  }

  static load(): SubjectCues {
    const file = join(modelsDir(), SUBJECT_CUES_FILE);
    return new SubjectCues(JSON.parse(readFileSync(file, 'utf8')) as SubjectCueTable);
  }

  /**
   * Subjects with at least one of the language's cues in the skeleton, the most cues first;
   * none for a language without cues (or `und`).
   */
  subjects(skeleton: string, language: string): SubjectScore[] {
    const byFirstChar = this.byLanguage.get(language);
    if (!byFirstChar) return [];
    const found = new Map<string, Set<string>>();
    for (let i = 0; i < skeleton.length; i++) {
      const candidates = byFirstChar.get(skeleton[i]!);
      if (!candidates) continue;
      const atWordStart = i > 0 && skeleton.charCodeAt(i - 1) === 32;
      for (const cue of candidates) {
        if (cue.wordStart && !atWordStart) continue;
        if (!skeleton.startsWith(cue.text, i)) continue;
        if (cue.wholeWord && skeleton.charCodeAt(i + cue.text.length) !== 32) continue;
        const cues = found.get(cue.subject) ?? new Set<string>();
        cues.add(cue.text);
        found.set(cue.subject, cues);
      }
    }
    return [...found]
      .map(([code, cues]) => ({
        code,
        cues: cues.size,
        score: SCORE_BY_CUES[Math.min(cues.size, SCORE_BY_CUES.length - 1)]!,
      }))
      .sort((a, b) => b.cues - a.cues || a.code.localeCompare(b.code));
  }
}

function addCue(byFirstChar: Map<string, CompiledCue[]>, subject: string, cue: string): void {
  const wordStart = !cue.startsWith('~');
  const wholeWord = cue.endsWith('$');
  const text = normalizeCue(cue.replace(/^~/, '').replace(/\$$/, ''));
  if (!text) return;
  const list = byFirstChar.get(text[0]!) ?? [];
  list.push({ subject, wordStart, wholeWord, text });
  byFirstChar.set(text[0]!, list);
}

/** The cue as topicSkeleton() writes text: lower case, non-letters as single spaces. */
function normalizeCue(cue: string): string {
  return cue
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}
