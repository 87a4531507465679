/**
 * A word's weight in a mean of word vectors: a / (a + p), p its English frequency by Zipf's
 * law from its GloVe rank, the smooth inverse frequency of Arora, Liang and Ma (2017), so
 * "the" counts 0.01 and a rare word nearly 1.
 */
export const smoothInverseFrequency =
  (a: number) =>
  (rank: number): number =>
    a / (a + 1 / ((rank + 10) * 13.5));

/** English words' weight in the topic vectors' mean (a = 1e-4). */
export const weightOfEnglishRank = smoothInverseFrequency(1e-4);
