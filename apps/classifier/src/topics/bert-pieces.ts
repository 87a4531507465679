import { fnv1a, fnvStep } from '../text/hash.js';

/**
 * Multilingual BERT's tokenisation (Devlin et al.'s BasicTokenizer without lower-casing, then
 * WordPiece's greedy longest match), over pieces held as FNV-1a hashes: a word-initial piece
 * hashed with one seed, a continuation ("##ing") with another, so a lookup allocates nothing.
 */
const PIECE_SEED = fnv1a('piece\u0001');
const CONTINUATION_SEED = fnv1a('##\u0001');
const CONTINUATION = '##';
export const UNKNOWN_PIECE = '[UNK]';

/** Longer words are one unknown piece, as BERT's tokenizer has them (in code points). */
const MAX_WORD_CODE_POINTS = 100;

/** A vocabulary entry's key: what `forEachPiece` looks its pieces up by. */
export function pieceKey(piece: string): number {
  return piece.startsWith(CONTINUATION) && piece.length > CONTINUATION.length
    ? fnv1a(piece.slice(CONTINUATION.length), CONTINUATION_SEED)
    : fnv1a(piece, PIECE_SEED);
}

export const UNKNOWN_KEY = pieceKey(UNKNOWN_PIECE);

const enum CharKind {
  Word = 0,
  Space = 1,
  /** A piece of its own: punctuation, and the CJK ideographs BERT splits one by one. */
  Alone = 2,
  /** Dropped: NUL, U+FFFD and control or format characters. */
  Dropped = 3,
}

const SPACE = /^\p{Zs}$/u;
const PUNCTUATION = /^\p{P}$/u;
const OTHER = /^\p{C}$/u;

function kindOf(code: number): CharKind {
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) return CharKind.Space;
  if (code === 0 || code === 0xfffd) return CharKind.Dropped;
  if (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  ) {
    return CharKind.Alone;
  }
  if (isCjkIdeograph(code)) return CharKind.Alone;
  const ch = String.fromCodePoint(code);
  if (SPACE.test(ch)) return CharKind.Space;
  // Lone surrogates are category Cs: they never reach here from a well-formed string.
  if (OTHER.test(ch)) return CharKind.Dropped;
  if (PUNCTUATION.test(ch)) return CharKind.Alone;
  return CharKind.Word;
}

/** The CJK Unified Ideograph blocks BERT splits into single characters. */
export function isCjkIdeograph(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x2a6df) ||
    (code >= 0x2a700 && code <= 0x2b73f) ||
    (code >= 0x2b740 && code <= 0x2b81f) ||
    (code >= 0x2b820 && code <= 0x2ceaf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  );
}

/** Every BMP character's kind, built once (65,536 regular-expression tests, ~20 ms). */
let bmpKinds: Uint8Array | undefined;

function kindAt(code: number): CharKind {
  if (code > 0xffff) return kindOf(code);
  if (!bmpKinds) {
    bmpKinds = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      bmpKinds[c] = c >= 0xd800 && c <= 0xdfff ? CharKind.Word : kindOf(c);
    }
  }
  return bmpKinds[code] as CharKind;
}

/** A piece's length in code points, "##" not counted: no lookup tries a longer one. */
export function pieceLength(piece: string): number {
  const body =
    piece.startsWith(CONTINUATION) && piece.length > CONTINUATION.length
      ? piece.slice(CONTINUATION.length)
      : piece;
  let n = 0;
  for (const _ of body) n++;
  return n;
}

/**
 * Calls `take(row)` for each WordPiece piece of `text`'s first `maxChars` characters; `find`
 * maps a piece key (see pieceKey) to its row or -1, and no piece is longer than `longestPiece`
 * code points. A word no pieces spell whole is one unknown piece, as in BERT (UNKNOWN_KEY's
 * row, when `find` knows it).
 */
export function forEachPiece(
  text: string,
  maxChars: number,
  find: (key: number) => number,
  take: (row: number) => void,
  longestPiece = MAX_WORD_CODE_POINTS,
): void {
  const end = Math.min(text.length, maxChars);
  const word: number[] = [];
  const flush = (): void => {
    if (word.length) wordPieces(word, find, take, longestPiece);
    word.length = 0;
  };
  for (let i = 0; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const kind = kindAt(code);
    if (kind === CharKind.Word) word.push(code);
    else if (kind === CharKind.Space) flush();
    else if (kind === CharKind.Alone) {
      flush();
      word.push(code);
      flush();
    }
  }
  flush();
}

/** UTF-16 units of a code point, chained into an FNV hash as fnv1a hashes the string. */
function hashCodePoint(hash: number, code: number): number {
  if (code <= 0xffff) return fnvStep(hash, code);
  const c = code - 0x10000;
  return fnvStep(fnvStep(hash, 0xd800 + (c >> 10)), 0xdc00 + (c & 0x3ff));
}

const prefixHashes: number[] = [];
const pieceRows: number[] = [];

/** WordPiece: from each position the longest known piece; the whole word unknown if one fails. */
function wordPieces(
  word: readonly number[],
  find: (key: number) => number,
  take: (row: number) => void,
  longestPiece: number,
): void {
  if (word.length > MAX_WORD_CODE_POINTS) return takeUnknown(find, take);
  pieceRows.length = 0;
  let start = 0;
  while (start < word.length) {
    const last = Math.min(word.length, start + longestPiece);
    let hash = start === 0 ? PIECE_SEED : CONTINUATION_SEED;
    for (let i = start; i < last; i++) prefixHashes[i] = hash = hashCodePoint(hash, word[i]);
    let row = -1;
    let end = last;
    while (end > start) {
      row = find(prefixHashes[end - 1] >>> 0);
      if (row >= 0) break;
      end--;
    }
    if (row < 0) return takeUnknown(find, take);
    pieceRows.push(row);
    start = end;
  }
  for (const row of pieceRows) take(row);
}

function takeUnknown(find: (key: number) => number, take: (row: number) => void): void {
  const row = find(UNKNOWN_KEY);
  if (row >= 0) take(row);
}
