/**
 * The topic-vector softmax (train-topic-vectors.ts, experiment-word-vectors.ts) with the input
 * width as a parameter: full-batch gradient descent, class-balanced, L2.
 */
export interface DenseSoftmax {
  dims: number;
  classes: number;
  weights: Float64Array; // dims x classes
  bias: Float64Array;
}

export interface DenseTraining {
  epochs: number;
  learningRate: number;
  l2: number;
}

export function trainDenseSoftmax(
  inputs: readonly Float64Array[],
  labels: readonly number[],
  classes: number,
  dims: number,
  o: DenseTraining,
): DenseSoftmax {
  const n = inputs.length;
  const model: DenseSoftmax = {
    dims,
    classes,
    weights: new Float64Array(dims * classes),
    bias: new Float64Array(classes),
  };
  const counts = new Array<number>(classes).fill(0);
  for (const y of labels) counts[y]++;
  const balance = counts.map((c) => n / (classes * Math.max(1, c)));
  const grad = new Float64Array(model.weights.length);
  const gradBias = new Float64Array(classes);
  const z = new Float64Array(classes);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    grad.fill(0);
    gradBias.fill(0);
    for (let i = 0; i < n; i++) {
      denseProbabilities(model, inputs[i], z);
      const scale = balance[labels[i]] / n;
      for (let k = 0; k < classes; k++) {
        const g = (z[k] - (k === labels[i] ? 1 : 0)) * scale;
        gradBias[k] += g;
        for (let d = 0; d < dims; d++) grad[d * classes + k] += inputs[i][d] * g;
      }
    }
    for (let j = 0; j < model.weights.length; j++)
      model.weights[j] -= o.learningRate * (grad[j] + o.l2 * model.weights[j]);
    for (let k = 0; k < classes; k++) model.bias[k] -= o.learningRate * gradBias[k];
  }
  return model;
}

/** The logits of `x` (bias included) into `out`. */
export function denseLogits(model: DenseSoftmax, x: ArrayLike<number>, out: Float64Array): void {
  const { dims, classes, weights, bias } = model;
  for (let k = 0; k < classes; k++) {
    let s = bias[k];
    for (let d = 0; d < dims; d++) s += x[d] * weights[d * classes + k];
    out[k] = s;
  }
}

/** Class probabilities of `x` into `out`. */
export function denseProbabilities(
  model: DenseSoftmax,
  x: ArrayLike<number>,
  out: Float64Array,
): void {
  denseLogits(model, x, out);
  let max = -Infinity;
  for (let k = 0; k < model.classes; k++) max = Math.max(max, out[k]);
  let sum = 0;
  for (let k = 0; k < model.classes; k++) sum += out[k] = Math.exp(out[k] - max);
  for (let k = 0; k < model.classes; k++) out[k] /= sum;
}

export function densePredict(model: DenseSoftmax, x: ArrayLike<number>): number {
  const p = new Float64Array(model.classes);
  denseProbabilities(model, x, p);
  return p.indexOf(Math.max(...p));
}
