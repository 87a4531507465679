/**
 * The cue-word subjects (crime, economy, conflict, weather …) measured against translations:
 * the subjects the English cues find in a sentence stand in for the subjects of its other
 * versions (see translation-agreement.ts). A proxy for the cue lists' coverage of each language,
 * not a gold standard: nobody labelled these subjects, and the English cues miss and misread too.
 */
import { agreementWithEnglish, type TranslationAgreement } from './translation-agreement.js';

export interface SubjectSentence {
  id: number;
  group: string;
  language: string;
  subjects: ReadonlySet<string>;
}

export type SubjectAgreement = TranslationAgreement;

/** Agreement over the languages in `withCues` other than English. */
export function evaluateSubjects(
  sentences: SubjectSentence[],
  withCues: ReadonlySet<string>,
): SubjectAgreement {
  return agreementWithEnglish(
    sentences
      .filter((s) => s.language === 'en' || withCues.has(s.language))
      .map((s) => ({ ...s, keys: s.subjects })),
  );
}
