import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Turns the bytes of a feed into text. Order of evidence: byte-order mark, then the HTTP
 * `Content-Type` charset, then the XML declaration, then "is it valid UTF-8?", falling back to
 * windows-1252 (what ISO-8859-1 labels mean in practice).
 */

export type CharsetSource = 'bom' | 'http' | 'xml' | 'utf8-check' | 'fallback';

export interface DecodedFeed {
  readonly text: string;
  /** Canonical lower-case charset name that was used. */
  readonly charset: string;
  readonly source: CharsetSource;
}

interface CharsetChoice {
  readonly charset: string;
  readonly source: CharsetSource;
  readonly skip: number;
}

export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const choice = chooseCharset(bytes, contentType);
  const body = bytes.subarray(choice.skip);
  const text =
    choice.charset === 'utf-8'
      ? asBuffer(body).toString('utf8')
      : iconvDecode(body, choice.charset);
  return { text: stripLeadingBom(text), charset: choice.charset, source: choice.source };
}

function chooseCharset(bytes: Uint8Array, contentType: string | undefined): CharsetChoice {
  const bom = charsetFromBom(bytes);
  if (bom) return bom;
  const declared = usable(charsetFromContentType(contentType), bytes);
  if (declared) return { charset: declared, source: 'http', skip: 0 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { charset: utf16, source: 'xml', skip: 0 };
  const fromXml = usable(charsetFromXmlDeclaration(bytes), bytes);
  if (fromXml) return { charset: fromXml, source: 'xml', skip: 0 };
  if (isValidUtf8(bytes)) return { charset: 'utf-8', source: 'utf8-check', skip: 0 };
  return { charset: 'windows-1252', source: 'fallback', skip: 0 };
}

function charsetFromBom(bytes: Uint8Array): CharsetChoice | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', source: 'bom', skip: 3 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', source: 'bom', skip: 2 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', source: 'bom', skip: 2 };
  return undefined;
}

/** `<?` in UTF-16 without a BOM, which the XML spec allows detecting from the first bytes. */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return 'utf-16le';
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return 'utf-16be';
  return undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/charset\s*=\s*["']?([^"';\s]+)/i);
  return match?.[1];
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString(
    'latin1',
  );
  const match = head.match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i);
  return match?.[1];
}

/**
 * Normalises a charset label and rejects the ones that cannot be true: a UTF-16 label on a
 * document whose declaration was readable as ASCII, or a name no decoder knows.
 */
function usable(label: string | undefined, bytes: Uint8Array): string | undefined {
  if (!label) return undefined;
  const name = canonicalCharset(label);
  if (name.startsWith('utf-16') || name.startsWith('utf-32')) {
    return utf16WithoutBom(bytes) ? name : undefined;
  }
  if (name === 'utf-8') return name;
  return iconv.encodingExists(name) ? name : undefined;
}

const LATIN1_ALIASES = new Set([
  'iso-8859-1',
  'latin1',
  'latin-1',
  'us-ascii',
  'ascii',
  'iso8859-1',
]);

export function canonicalCharset(label: string): string {
  const name = label.trim().toLowerCase().replace(/^x-/, '');
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  // WHATWG: Latin-1 and ASCII labels mean windows-1252, which feeds from Windows tools rely on.
  if (LATIN1_ALIASES.has(name)) return 'windows-1252';
  if (name === 'sjis' || name === 'shift-jis' || name === 'ms_kanji') return 'shift_jis';
  if (name === 'gb2312' || name === 'gbk' || name === 'euc-cn') return 'gbk';
  return name;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function iconvDecode(bytes: Uint8Array, charset: string): string {
  return iconv.decode(asBuffer(bytes), charset);
}

function stripLeadingBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
