import { readModelFile } from './paths.js';

export const LOGITS_KERNEL_FILE = 'logits-kernel.wasm';

/** Features copied in per kernel call; longer lists are summed in slices. */
const FEATURE_SLOTS = 65_536;
/** Room for the per-class sums: classes rounded up to 16, as 32-bit integers. */
const MAX_CLASSES = 1024;
const FEATURES_AT = 0;
const SUMS_AT = FEATURES_AT + FEATURE_SLOTS * 4;
const WEIGHTS_AT = SUMS_AT + MAX_CLASSES * 4;
/** The kernel reads rows 16 bytes at a time: the last row's read runs past it. */
const ROW_OVERREAD = 16;
const PAGE = 65_536;

/** The part of the WebAssembly API used here (this project's `lib` has no WebAssembly types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (binary: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};

type SumsExport = (
  weights: number,
  mask: number,
  classes: number,
  features: number,
  count: number,
  out: number,
) => void;

/**
 * The linear models' weights in WebAssembly memory and the SIMD loop that sums them per class
 * (see logits-kernel.wat): 5 to 12 times faster than the same sums in JavaScript, and exact.
 * Weights are only ever added, so a model's place in memory never moves; views of the memory
 * are renewed after it grows.
 */
export class LogitsKernel {
  private static shared: LogitsKernel | undefined;
  private readonly memory: WasmMemory;
  private readonly sumsExport: SumsExport;
  private next = WEIGHTS_AT;
  private words!: Uint32Array;
  private totals!: Int32Array;

  private constructor(binary: Uint8Array) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(binary));
    this.memory = instance.exports.memory as WasmMemory;
    this.sumsExport = instance.exports.sums as SumsExport;
    this.reserve(WEIGHTS_AT);
  }

  /** The process's kernel, compiled once from models/logits-kernel.wasm. */
  static get(): LogitsKernel {
    LogitsKernel.shared ??= new LogitsKernel(readModelFile(LOGITS_KERNEL_FILE));
    return LogitsKernel.shared;
  }

  /** Copies a model's weights in; returns where they start. */
  store(weights: Int8Array): number {
    const at = this.next;
    this.reserve(at + weights.length + ROW_OVERREAD);
    new Int8Array(this.memory.buffer, at, weights.length).set(weights);
    this.next = at + weights.length + ROW_OVERREAD;
    return at;
  }

  /** A view of stored weights (valid until the next `store`). */
  view(at: number, length: number): Int8Array {
    return new Int8Array(this.memory.buffer, at, length);
  }

  /**
   * Writes into `out[0..classes)` the per-class sums of the weights at `at` (rows of `classes`
   * bytes) of the first `count` features, each masked to a row number.
   */
  sums(
    at: number,
    mask: number,
    classes: number,
    features: ArrayLike<number>,
    count: number,
    out: Int32Array,
  ): void {
    if (classes > MAX_CLASSES)
      throw new Error(`logits kernel: ${classes} classes > ${MAX_CLASSES}`);
    out.fill(0, 0, classes);
    for (let start = 0; start < count; start += FEATURE_SLOTS) {
      const slice = Math.min(FEATURE_SLOTS, count - start);
      this.copyFeatures(features, start, slice);
      this.sumsExport(at, mask, classes, FEATURES_AT, slice, SUMS_AT);
      const totals = this.totals;
      for (let c = 0; c < classes; c++) out[c] += totals[c];
    }
  }

  private copyFeatures(features: ArrayLike<number>, start: number, count: number): void {
    const words = this.words;
    if (features instanceof Uint32Array) {
      words.set(features.subarray(start, start + count), FEATURES_AT / 4);
      return;
    }
    for (let i = 0; i < count; i++) words[FEATURES_AT / 4 + i] = features[start + i];
  }

  private reserve(bytes: number): void {
    const missing = bytes - this.memory.buffer.byteLength;
    if (missing > 0) this.memory.grow(Math.ceil(missing / PAGE));
    this.words = new Uint32Array(this.memory.buffer);
    this.totals = new Int32Array(this.memory.buffer, SUMS_AT, MAX_CLASSES);
  }
}
