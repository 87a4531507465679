import { LinearModel, type LinearModelHeader } from '../../src/model/linear-model.js';
import { rng, shuffle } from './sib.js';

export interface Example {
  features: Uint32Array;
  label: number;
}

export interface TrainOptions {
  kind: string;
  labels: string[];
  bits: number;
  epochs: number;
  learningRate: number;
  /** L2 shrink applied per touched weight, lazily. */
  l2?: number;
  seed?: number;
  meta?: Record<string, unknown>;
  log?: (msg: string) => void;
}

/**
 * Multinomial logistic regression on hashed features, SGD with AdaGrad; each feature occurrence
 * has value 1/sqrt(n) exactly as LinearModel.logits computes at run time.
 */
export function trainSoftmax(examples: Example[], o: TrainOptions): LinearModel {
  const C = o.labels.length;
  const mask = (1 << o.bits) - 1;
  const w = new Float32Array((mask + 1) * C);
  const g2 = new Float32Array((mask + 1) * C).fill(1e-6);
  const bias = new Float64Array(C);
  const random = rng(o.seed ?? 42);
  const order = examples.map((_, i) => i);
  const logits = new Float64Array(C);
  const l2 = o.l2 ?? 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (const idx of order) {
      const { features, label } = examples[idx];
      const norm = features.length ? 1 / Math.sqrt(features.length) : 0;
      logits.set(bias);
      for (const f of features) {
        const base = (f & mask) * C;
        for (let c = 0; c < C; c++) logits[c] += w[base + c] * norm;
      }
      let max = -Infinity;
      for (const v of logits) max = Math.max(max, v);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += logits[c] = Math.exp(logits[c] - max);
      loss -= Math.log(logits[label] / sum + 1e-12);
      for (let c = 0; c < C; c++) logits[c] = logits[c] / sum - (c === label ? 1 : 0);
      for (let c = 0; c < C; c++) bias[c] -= 0.01 * logits[c];
      for (const f of features) {
        const base = (f & mask) * C;
        for (let c = 0; c < C; c++) {
          const k = base + c;
          const grad = logits[c] * norm + l2 * w[k];
          g2[k] += grad * grad;
          w[k] -= (o.learningRate * grad) / Math.sqrt(g2[k]);
        }
      }
    }
    o.log?.(`${o.kind} epoch ${epoch + 1}/${o.epochs} loss ${(loss / examples.length).toFixed(4)}`);
  }
  return quantize(w, bias, o);
}

/** int8 weights with one scale per class, as LinearModel stores them. */
export function quantize(
  w: Float32Array,
  bias: Float64Array,
  o: Pick<TrainOptions, 'kind' | 'labels' | 'bits' | 'meta'>,
): LinearModel {
  const C = o.labels.length;
  const scales = new Array<number>(C).fill(0);
  for (let i = 0; i < w.length; i++) scales[i % C] = Math.max(scales[i % C], Math.abs(w[i]));
  for (let c = 0; c < C; c++) scales[c] = scales[c] / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / scales[i % C]);
  const header: LinearModelHeader = {
    kind: o.kind,
    labels: o.labels,
    bits: o.bits,
    scales,
    bias: Array.from(bias, (b) => Math.round(b * 1e4) / 1e4),
    meta: o.meta,
  };
  return new LinearModel(header, q);
}
