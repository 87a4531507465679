/**
 * The cue-word subjects (crime, economy, conflict, weather …) measured against translations:
 * SIB-200 is parallel, so the subjects the English cues find in a sentence stand in for the
 * subjects of its other versions. A proxy for the cue lists' coverage of each language, not a
 * gold standard: nobody labelled these subjects, and the English cues miss and misread too.
 */
export interface SubjectSentence {
  id: number;
  group: string;
  language: string;
  subjects: ReadonlySet<string>;
}

export interface SubjectAgreement {
  precision: number;
  recall: number;
  counts: { agreed: number; extra: number; missed: number };
  perGroup: Map<string, { precision: number; recall: number }>;
}

/** Agreement over the languages in `withCues` other than English. */
export function evaluateSubjects(
  sentences: SubjectSentence[],
  withCues: ReadonlySet<string>,
): SubjectAgreement {
  const english = new Map<number, ReadonlySet<string>>();
  for (const s of sentences) if (s.language === 'en') english.set(s.id, s.subjects);
  const totals = { agreed: 0, extra: 0, missed: 0 };
  const groups = new Map<string, typeof totals>();
  for (const s of sentences) {
    const gold = english.get(s.id);
    if (s.language === 'en' || !gold || !withCues.has(s.language)) continue;
    const counts = groups.get(s.group) ?? { agreed: 0, extra: 0, missed: 0 };
    for (const subject of s.subjects) {
      const key = gold.has(subject) ? 'agreed' : 'extra';
      counts[key]++;
      totals[key]++;
    }
    for (const subject of gold) {
      if (s.subjects.has(subject)) continue;
      counts.missed++;
      totals.missed++;
    }
    groups.set(s.group, counts);
  }
  const rates = (c: typeof totals) => ({
    precision: c.agreed / Math.max(1, c.agreed + c.extra),
    recall: c.agreed / Math.max(1, c.agreed + c.missed),
  });
  return {
    ...rates(totals),
    counts: totals,
    perGroup: new Map([...groups].map(([group, c]) => [group, rates(c)])),
  };
}
