import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A hashed-feature multinomial linear model: weights[bucket * classes + c] (int8, scaled per class).
 * Stored as gzip([u32 header length][JSON header][int8 weights]).
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
  private readonly scores: Float64Array;

  constructor(
    readonly header: LinearModelHeader,
    readonly weights: Int8Array,
  ) {
    this.classes = header.labels.length;
    this.mask = (1 << header.bits) - 1;
    this.scores = new Float64Array(this.classes);
    if (weights.length !== (1 << header.bits) * this.classes) {
      throw new Error(`model ${header.kind}: weight count does not match header`);
    }
  }

  /** Scores (logits) for hashed features, each weighted 1/sqrt(n) as in training. */
  logits(features: ArrayLike<number>, count: number = features.length): Float64Array {
    const { classes, weights, mask, scores } = this;
    // Class by class, so each sum stays in a local: summed feature by feature into the array,
    // every addition was a store, and this runs for every character n-gram of every article.
    // The sums are integers, so the order of additions cannot change them.
    for (let c = 0; c < classes; c++) {
      let sum = 0;
      for (let i = 0; i < count; i++) sum += weights[(features[i] & mask) * classes + c];
      scores[c] = sum;
    }
    const norm = count > 0 ? 1 / Math.sqrt(count) : 0;
    const out = new Float64Array(classes);
    for (let c = 0; c < classes; c++) {
      out[c] = scores[c] * this.header.scales[c] * norm + this.header.bias[c];
    }
    return out;
  }

  probabilities(features: ArrayLike<number>, count?: number): Float64Array {
    return softmax(this.logits(features, count));
  }

  serialize(): Buffer {
    const json = Buffer.from(JSON.stringify(this.header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length, 0);
    const body = Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength);
    return gzipSync(Buffer.concat([len, json, body]), { level: 9 });
  }

  static deserialize(file: Buffer): LinearModel {
    const raw = gunzipSync(file);
    const len = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + len).toString('utf8')) as LinearModelHeader;
    const body = raw.subarray(4 + len);
    // A view, not a copy: the topic model's weights alone are 29 MB.
    return new LinearModel(header, new Int8Array(body.buffer, body.byteOffset, body.length));
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
