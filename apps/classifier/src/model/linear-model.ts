import { LogitsKernel } from './logits-kernel.js';
import { packModelFile, unpackModelFile } from './model-file.js';
import { modelPath, readModelFile } from './paths.js';

const loaded = new Map<string, LinearModel>();

/**
 * A hashed-feature multinomial linear model: weights[bucket * classes + c] (int8, scaled per class).
 * Stored as a model file (see model-file.ts) whose body is the int8 weights.
 */
export interface LinearModelHeader {
  kind: string;
  labels: string[];
  bits: number;
  scales: number[];
  bias: number[];
  meta?: Record<string, unknown>;
}

export class LinearModel {
  readonly classes: number;
  readonly mask: number;
  private readonly kernel = LogitsKernel.get();
  /** Where the kernel keeps the weights. */
  private readonly at: number;
  private readonly length: number;
  private readonly sums: Int32Array;

  constructor(
    readonly header: LinearModelHeader,
    weights: Int8Array,
  ) {
    this.classes = header.labels.length;
    this.mask = (1 << header.bits) - 1;
    this.sums = new Int32Array(this.classes);
    if (weights.length !== (1 << header.bits) * this.classes) {
      throw new Error(`model ${header.kind}: weight count does not match header`);
    }
    this.at = this.kernel.store(weights);
    this.length = weights.length;
  }

  /** weights[bucket * classes + c]: a view of the kernel's copy. */
  get weights(): Int8Array {
    return this.kernel.view(this.at, this.length);
  }

  /** Scores (logits) for hashed features, each weighted 1/sqrt(n) as in training. */
  logits(features: ArrayLike<number>, count: number = features.length): Float64Array {
    const { classes, sums } = this;
    this.kernel.sums(this.at, this.mask, classes, features, count, sums);
    const norm = count > 0 ? 1 / Math.sqrt(count) : 0;
    const out = new Float64Array(classes);
    for (let c = 0; c < classes; c++) {
      out[c] = sums[c] * this.header.scales[c] * norm + this.header.bias[c];
    }
    return out;
  }

  probabilities(features: ArrayLike<number>, count?: number): Float64Array {
    return softmax(this.logits(features, count));
  }

  serialize(): Buffer {
    return packModelFile(this.header, [this.weights]);
  }

  static deserialize(file: Buffer): LinearModel {
    const { header, body } = unpackModelFile<LinearModelHeader>(file);
    // A view of the unzipped bytes: the kernel keeps the one copy (the topic model's is 29 MB).
    return new LinearModel(header, new Int8Array(body.buffer, body.byteOffset, body.length));
  }

  /**
   * A model file of the models folder, read once per process: every classifier a process builds
   * shares it, as the kernel's memory only grows.
   */
  static load(name: string): LinearModel {
    const key = modelPath(name);
    let model = loaded.get(key);
    if (!model) {
      model = LinearModel.deserialize(readModelFile(name));
      loaded.set(key, model);
    }
    return model;
  }
}

export function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
