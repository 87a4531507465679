/**
 * Word translations learnt from parallel sentences: for each word of one language, the words of
 * the other whose sentence sets overlap most (Dice coefficient over the sentence ids both occur
 * in). Crude, but it needs nothing beyond the translations SIB-200 already is.
 */
export interface Alignment {
  word: string;
  dice: number;
}

export function alignWords(
  source: Map<number, Set<string>>,
  target: Map<number, Set<string>>,
  minDice = 0.5,
  maxPerWord = 2,
): Map<string, Alignment[]> {
  const sourceCount = countSentences(source);
  const targetCount = countSentences(target);
  const pairs = new Map<string, Map<string, number>>();
  for (const [id, words] of source) {
    const other = target.get(id);
    if (!other) continue;
    for (const w of words) {
      let row = pairs.get(w);
      if (!row) pairs.set(w, (row = new Map()));
      for (const t of other) row.set(t, (row.get(t) ?? 0) + 1);
    }
  }
  const out = new Map<string, Alignment[]>();
  for (const [w, row] of pairs) {
    const best: Alignment[] = [];
    for (const [t, both] of row) {
      const dice = (2 * both) / ((sourceCount.get(w) ?? 0) + (targetCount.get(t) ?? 0));
      if (dice >= minDice) best.push({ word: t, dice });
    }
    if (!best.length) continue;
    best.sort((a, b) => b.dice - a.dice || a.word.localeCompare(b.word));
    out.set(w, best.slice(0, maxPerWord));
  }
  return out;
}

function countSentences(sentences: Map<number, Set<string>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const words of sentences.values()) {
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}
