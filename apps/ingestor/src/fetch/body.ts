import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  constants,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
} from 'node:zlib';
import { FetchError } from '#net';

/** The encodings we advertise; nothing else is accepted back. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

// Lenient flushing: a feed cut short still yields what arrived (browsers and curl do the same).
const ZLIB_OPTIONS = { finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS = { finishFlush: constants.BROTLI_OPERATION_FLUSH };

/** `deflate` should be zlib-wrapped (RFC 9110) but many servers send raw deflate: sniff it. */
class AutoInflate extends Transform {
  private inner?: Transform;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) this.inner = this.start(chunk);
    this.inner.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error?: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }

  private start(first: Buffer): Transform {
    const inner = looksLikeZlib(first)
      ? createInflate(ZLIB_OPTIONS)
      : createInflateRaw(ZLIB_OPTIONS);
    inner.on('data', (data: Buffer) => this.push(data));
    inner.on('error', (err) => this.destroy(err));
    return inner;
  }
}

function looksLikeZlib(chunk: Buffer): boolean {
  if (chunk.length < 2) return false;
  const cmf = chunk[0]!;
  return (cmf & 0x0f) === 8 && (cmf * 256 + chunk[1]!) % 31 === 0;
}

function decoderFor(encoding: string): Transform | undefined {
  switch (encoding) {
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip(ZLIB_OPTIONS);
    case 'deflate':
      return new AutoInflate();
    case 'br':
      return createBrotliDecompress(BROTLI_OPTIONS);
    default:
      throw new FetchError('decode', `unsupported Content-Encoding ${JSON.stringify(encoding)}`);
  }
}

/** Decoders for a Content-Encoding list, in the order to apply them (last applied = first undone). */
export function decodersFor(contentEncoding: string | undefined): Transform[] {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
  return encodings
    .reverse()
    .map(decoderFor)
    .filter((d): d is Transform => d !== undefined);
}

export interface BodyLimits {
  /** Cap on decoded bytes (and on bytes received, which never need to exceed it). */
  maxBytes: number;
}

export interface Body {
  body: Buffer;
  /** Decoded size. */
  bytes: number;
  /** Size as received on the wire (before decompression). */
  wireBytes: number;
}

function tooLarge(maxBytes: number, what: string): FetchError {
  return new FetchError('too_large', `${what} exceeds the ${maxBytes}-byte limit`);
}

/** Counts bytes through a stage and fails the pipeline the moment a limit is crossed. */
class Meter extends Transform {
  bytes = 0;
  constructor(
    private readonly limit: number,
    private readonly what: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(tooLarge(this.limit, this.what));
    done(null, chunk);
  }
}

/**
 * Reads a response body through its decoders with the size cap applied AFTER decompression:
 * the pipeline is torn down as soon as the decoded size passes the cap, so a decompression bomb
 * or an endless body costs at most about `maxBytes` of memory.
 */
export async function readBody(
  stream: Readable,
  contentEncoding: string | undefined,
  limits: BodyLimits,
): Promise<Body> {
  const wire = new Meter(limits.maxBytes, 'response body (on the wire)');
  const decoded = new Meter(limits.maxBytes, 'decoded response body');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const decoders = decodersFor(contentEncoding);
  try {
    await pipeline([stream, wire, ...decoders, decoded, sink]);
  } catch (err) {
    if (err instanceof FetchError) throw err;
    // A decoder that fails on zero bytes (an empty compressed body) is an empty body, not corruption.
    if (wire.bytes === 0) return { body: Buffer.alloc(0), bytes: 0, wireBytes: 0 };
    if (decoders.length > 0 && isZlibError(err)) {
      throw new FetchError(
        'decode',
        `cannot decode ${contentEncoding} body: ${(err as Error).message}`,
        { cause: err },
      );
    }
    throw err;
  }
  return {
    body: Buffer.concat(chunks, decoded.bytes),
    bytes: decoded.bytes,
    wireBytes: wire.bytes,
  };
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__ERROR'))
  );
}
