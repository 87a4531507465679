/**
 * What a sentence's versions in other languages found, scored against what its English version
 * found: SIB-200 is parallel (the same id is the same sentence, translated), so English stands in
 * for a gold standard that no one labelled. A proxy: English misreads too.
 */
export interface TranslatedSentence {
  id: number;
  group: string;
  language: string;
  /** What was found in this version (place codes, subject codes …). */
  keys: ReadonlySet<string>;
}

export interface TranslationAgreement {
  precision: number;
  recall: number;
  /** Keys found in both versions, only in the other language's, only in the English one. */
  counts: { agreed: number; extra: number; missed: number };
  perGroup: Map<string, { precision: number; recall: number }>;
}

export function agreementWithEnglish(sentences: TranslatedSentence[]): TranslationAgreement {
  const english = new Map<number, ReadonlySet<string>>();
  for (const s of sentences) if (s.language === 'en') english.set(s.id, s.keys);
  const totals = { agreed: 0, extra: 0, missed: 0 };
  const groups = new Map<string, typeof totals>();
  for (const s of sentences) {
    const gold = english.get(s.id);
    if (s.language === 'en' || !gold) continue;
    const counts = groups.get(s.group) ?? { agreed: 0, extra: 0, missed: 0 };
    groups.set(s.group, counts);
    for (const key of s.keys) {
      const kind = gold.has(key) ? 'agreed' : 'extra';
      counts[kind]++;
      totals[kind]++;
    }
    for (const key of gold) {
      if (s.keys.has(key)) continue;
      counts.missed++;
      totals.missed++;
    }
  }
  return {
    ...rates(totals),
    counts: totals,
    perGroup: new Map([...groups].map(([group, counts]) => [group, rates(counts)])),
  };
}

function rates(c: { agreed: number; extra: number; missed: number }) {
  return {
    precision: c.agreed / Math.max(1, c.agreed + c.extra),
    recall: c.agreed / Math.max(1, c.agreed + c.missed),
  };
}
