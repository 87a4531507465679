/**
 * Word translations learnt from parallel sentences: for each word of one language, the words of
 * the other it most probably translates into.
 */
export interface Alignment {
  word: string;
  /** t(word | source word) */
  probability: number;
}

/**
 * IBM Model 1 (Brown et al., 1993): t(target word | source word) by expectation-maximisation
 * over the parallel sentences, a NULL source word absorbing what nothing translates. Unlike the
 * Dice coefficient (used before: CV 0.691 against 0.695), a source word seen once shares its
 * sentence's target words by how well the other source words already explain each, instead of
 * tying with all of them.
 */
export function alignWords(
  source: Map<number, Set<string>>,
  target: Map<number, Set<string>>,
  minProbability = 0.03,
  maxPerWord = 6,
  iterations = 5,
): Map<string, Alignment[]> {
  const NULL = '\u0000';
  const pairs: { from: string[]; to: string[] }[] = [];
  for (const [id, words] of source) {
    const other = target.get(id);
    if (other?.size && words.size) pairs.push({ from: [NULL, ...words], to: [...other] });
  }
  let t = new Map<string, Map<string, number>>();
  for (const { from, to } of pairs) {
    for (const f of from) {
      let row = t.get(f);
      if (!row) t.set(f, (row = new Map()));
      for (const e of to) row.set(e, 1);
    }
  }
  for (let iteration = 0; iteration < iterations; iteration++) {
    const counts = new Map<string, Map<string, number>>();
    for (const { from, to } of pairs) {
      for (const e of to) {
        let z = 0;
        for (const f of from) z += t.get(f)!.get(e)!;
        for (const f of from) {
          let row = counts.get(f);
          if (!row) counts.set(f, (row = new Map()));
          row.set(e, (row.get(e) ?? 0) + t.get(f)!.get(e)! / z);
        }
      }
    }
    for (const row of counts.values()) {
      let total = 0;
      for (const c of row.values()) total += c;
      for (const [e, c] of row) row.set(e, c / total);
    }
    t = counts;
  }
  const out = new Map<string, Alignment[]>();
  for (const [f, row] of t) {
    if (f === NULL) continue;
    const best = [...row]
      .filter(([, p]) => p >= minProbability)
      .map(([word, probability]) => ({ word, probability }))
      .sort((a, b) => b.probability - a.probability || a.word.localeCompare(b.word))
      .slice(0, maxPerWord);
    if (best.length) out.set(f, best);
  }
  return out;
}
