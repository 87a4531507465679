import wabtInit from 'wabt';

/** The kernel's text source and its committed binary, relative to apps/classifier. */
export const KERNEL_SOURCE = 'src/model/logits-kernel.wat';
export const KERNEL_FILE = 'models/logits-kernel.wasm';

/** The WebAssembly binary of a text-format module that uses SIMD, validated. */
export async function assembleLogitsKernel(source: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('logits-kernel.wat', source, { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
