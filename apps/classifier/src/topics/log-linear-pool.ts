/**
 * Pools a model's logits `z` into probabilities `p` (same label order) with weight `weight`:
 * (p_k * softmax(z)_k ^ weight) ^ (1 / (1 + weight)), renormalised. A log-linear pool with
 * weights 1 and `weight`, normalised to sum 1: the same ranking as p * q^weight, but no surer
 * than its inputs (a sharper pool would outbid the cue subjects, which SIB-200's seven
 * categories cannot name, for news like a rail strike).
 */
export function logLinearPool(
  p: readonly number[],
  z: ArrayLike<number>,
  weight: number,
): number[] {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) max = Math.max(max, z[k]);
  let norm = 0;
  for (let k = 0; k < z.length; k++) norm += Math.exp(z[k] - max);
  const logNorm = Math.log(norm) + max;
  const mixed = p.map(
    (pk, k) => (Math.log(Math.max(pk, 1e-12)) + weight * (z[k] - logNorm)) / (1 + weight),
  );
  const top = Math.max(...mixed);
  const exps = mixed.map((v) => Math.exp(v - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / total);
}
