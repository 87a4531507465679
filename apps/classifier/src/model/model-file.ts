import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The binary model files' framing: gzip([u32 header length][JSON header][body]), the body the
 * model's typed arrays one after another.
 */
export function packModelFile(header: unknown, body: readonly ArrayBufferView[]): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  const parts = body.map((view) => Buffer.from(view.buffer, view.byteOffset, view.byteLength));
  return gzipSync(Buffer.concat([len, json, ...parts]), { level: 9 });
}

/** The header as parsed (its shape is the caller's to know) and a view of the body's bytes. */
export function unpackModelFile<H>(file: Buffer): { header: H; body: Buffer } {
  const raw = gunzipSync(file);
  const len = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + len).toString('utf8')) as H;
  return { header, body: raw.subarray(4 + len) };
}
