import { rng, shuffle } from './sib.js';

export interface FloatExample {
  features: Uint32Array;
  label: number;
}

export interface FloatTrainOptions {
  classes: number;
  bits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Polyak averaging of the weights over the last half of the updates. */
  average: boolean;
  /** Inverse-frequency example weights, so rare categories count as much as common ones. */
  balance: boolean;
  seed: number;
}

export interface FloatModel {
  weights: Float32Array;
  bias: Float64Array;
  bits: number;
  classes: number;
  logits(features: Uint32Array): Float64Array;
  predict(features: Uint32Array): number;
}

/** Multinomial logistic regression on hashed features (value 1/sqrt(n) each), AdaGrad. */
export function trainSoftmaxFloat(examples: FloatExample[], o: FloatTrainOptions): FloatModel {
  const C = o.classes;
  const mask = (1 << o.bits) - 1;
  const w = new Float32Array((mask + 1) * C);
  const g2 = new Float32Array((mask + 1) * C).fill(1e-6);
  const avg = o.average ? new Float32Array(w.length) : undefined;
  const bias = new Float64Array(C);
  const counts = new Array<number>(C).fill(0);
  for (const e of examples) counts[e.label]++;
  const classWeight = counts.map((n) => (o.balance ? examples.length / (C * Math.max(1, n)) : 1));
  const random = rng(o.seed);
  const order = examples.map((_, i) => i);
  const g = new Float64Array(C);
  let averaged = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const idx of order) {
      const { features, label } = examples[idx];
      const norm = features.length ? 1 / Math.sqrt(features.length) : 0;
      g.set(bias);
      for (const f of features) {
        const base = (f & mask) * C;
        for (let c = 0; c < C; c++) g[c] += w[base + c] * norm;
      }
      let max = -Infinity;
      for (const v of g) max = Math.max(max, v);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += g[c] = Math.exp(g[c] - max);
      const cw = classWeight[label];
      for (let c = 0; c < C; c++) g[c] = (g[c] / sum - (c === label ? 1 : 0)) * cw;
      for (let c = 0; c < C; c++) bias[c] -= 0.01 * g[c];
      for (const f of features) {
        const base = (f & mask) * C;
        for (let c = 0; c < C; c++) {
          const k = base + c;
          const grad = g[c] * norm + o.l2 * w[k];
          g2[k] += grad * grad;
          w[k] -= (o.learningRate * grad) / Math.sqrt(g2[k]);
        }
      }
    }
    if (avg && epoch >= Math.floor(o.epochs / 2)) {
      for (let i = 0; i < w.length; i++) avg[i] += w[i];
      averaged++;
    }
  }
  if (avg && averaged) for (let i = 0; i < w.length; i++) w[i] = avg[i] / averaged;
  return floatModel(w, bias, o.bits, C);
}

export function floatModel(
  w: Float32Array,
  bias: Float64Array,
  bits: number,
  C: number,
): FloatModel {
  const mask = (1 << bits) - 1;
  const logits = (features: Uint32Array): Float64Array => {
    const out = Float64Array.from(bias);
    const norm = features.length ? 1 / Math.sqrt(features.length) : 0;
    for (const f of features) {
      const base = (f & mask) * C;
      for (let c = 0; c < C; c++) out[c] += w[base + c] * norm;
    }
    return out;
  };
  return {
    weights: w,
    bias,
    bits,
    classes: C,
    logits,
    predict: (features) => {
      const l = logits(features);
      let best = 0;
      for (let c = 1; c < C; c++) if (l[c] > l[best]) best = c;
      return best;
    },
  };
}
