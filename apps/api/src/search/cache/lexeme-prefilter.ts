import { lowerBound } from './lower-bound.js';

/**
 * The lexemes of a search document, as `\u001f`-separated text with a separator at both ends
 * (what the change feed reads with array_to_string(tsvector_to_array(document), …)).
 */
export type LexemeText = string;

export const LEXEME_SEPARATOR = '\u001f';
const SEPARATOR_CODE = 0x1f;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over a lexeme's UTF-16 code units (only ever compared within this process). */
export function lexemeHash(lexeme: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < lexeme.length; i++) hash = Math.imul(hash ^ lexeme.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * A document's lexemes, with a sorted table of their hashes built on first use. A cached query
 * catching up tests every article changed since it was last asked (hundreds at 100 new articles
 * a second) against each of its lexemes: a substring search over the ~1 kB of text per lexeme
 * was most of the api's CPU spent catching up; a binary search of the hashes is not.
 */
export class DocumentLexemes {
  #hashes?: Uint32Array;

  constructor(readonly text: LexemeText) {}

  /** Whether the document may have this lexeme (by its lexemeHash): a collision says yes. */
  mayHave(hash: number): boolean {
    const hashes = (this.#hashes ??= hashesOf(this.text));
    return hashes[lowerBound(hashes, hash)] === hash;
  }

  /** Whether one of its lexemes starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.text.includes(`${LEXEME_SEPARATOR}${prefix}`);
  }
}

/** The sorted hashes of the non-empty lexemes between separators. */
function hashesOf(text: LexemeText): Uint32Array {
  const hashes: number[] = [];
  // lexemeHash of each lexeme, computed in place rather than on a substring of each.
  let hash = FNV_OFFSET;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === SEPARATOR_CODE) {
      if (length > 0) hashes.push(hash >>> 0);
      hash = FNV_OFFSET;
      length = 0;
    } else {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      length++;
    }
  }
  if (length > 0) hashes.push(hash >>> 0);
  return Uint32Array.from(hashes).sort();
}

/** Whether a document with these lexemes may match: false only when it certainly cannot. */
export type MayMatch = (lexemes: DocumentLexemes | LexemeText) => boolean;

const ALWAYS: MayMatch = () => true;

type Node =
  | { kind: 'lexeme'; text: string; prefix: boolean; hash: number }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'any' };

/**
 * A conservative test of PostgreSQL's tsquery text (as `::text` prints it) against a
 * document's lexemes: & and | as written, a phrase (<->, <N>) as &, and every negation as
 * "may match"; weights are ignored and prefixes (:*) compared as prefixes. It never rules out a
 * document PostgreSQL would match, so a cached query re-reads only what can change it.
 * Anything it does not understand gives "may match" for every document.
 */
export function compileMayMatch(tsquery: string): MayMatch {
  try {
    const parser = new Parser(tsquery);
    const node = parser.parseOr();
    if (!parser.atEnd()) return ALWAYS;
    return (lexemes) =>
      evaluate(node, typeof lexemes === 'string' ? new DocumentLexemes(lexemes) : lexemes);
  } catch {
    return ALWAYS;
  }
}

function evaluate(node: Node, lexemes: DocumentLexemes): boolean {
  switch (node.kind) {
    case 'any':
      return true;
    case 'and':
      return evaluate(node.left, lexemes) && evaluate(node.right, lexemes);
    case 'or':
      return evaluate(node.left, lexemes) || evaluate(node.right, lexemes);
    case 'lexeme':
      return node.prefix ? lexemes.hasPrefix(node.text) : lexemes.mayHave(node.hash);
  }
}

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    this.skipSpaces();
    return this.at >= this.text.length;
  }

  parseOr(): Node {
    let left = this.parseAnd();
    while (this.take('|')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Node {
    let left = this.parsePhrase();
    while (this.take('&')) left = { kind: 'and', left, right: this.parsePhrase() };
    return left;
  }

  /** `a <-> b`, `a <3> b`: both must be there (their distance is PostgreSQL's to check). */
  private parsePhrase(): Node {
    let left = this.parseNot();
    for (;;) {
      this.skipSpaces();
      const distance = /^<(-|\d+)>/.exec(this.text.slice(this.at));
      if (!distance) return left;
      this.at += distance[0].length;
      left = { kind: 'and', left, right: this.parseNot() };
    }
  }

  private parseNot(): Node {
    if (this.take('!')) {
      this.parseNot();
      return { kind: 'any' };
    }
    return this.parseAtom();
  }

  private parseAtom(): Node {
    if (this.take('(')) {
      const inner = this.parseOr();
      if (!this.take(')')) throw new Error('unclosed parenthesis');
      return inner;
    }
    this.skipSpaces();
    if (this.text[this.at] !== "'") throw new Error('expected a quoted lexeme');
    const text = this.quoted();
    const prefix = this.suffixIsPrefix();
    // A separator or backslash in a lexeme is not compared (printed escaping varies).
    if (text.includes(LEXEME_SEPARATOR) || text.includes('\\')) return { kind: 'any' };
    return { kind: 'lexeme', text, prefix, hash: lexemeHash(text) };
  }

  private quoted(): string {
    let value = '';
    this.at++;
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) throw new Error('unterminated lexeme');
      this.at++;
      if (char !== "'") value += char;
      else if (this.text[this.at] === "'") {
        value += "'";
        this.at++;
      } else return value;
    }
  }

  /** `:*`, `:AB`, `:*AB` after a lexeme: true when it is a prefix. */
  private suffixIsPrefix(): boolean {
    const suffix = /^:(\*?)[A-Da-d]*/.exec(this.text.slice(this.at));
    if (!suffix) return false;
    this.at += suffix[0].length;
    return suffix[1] === '*';
  }

  private take(token: string): boolean {
    this.skipSpaces();
    if (this.text[this.at] !== token) return false;
    this.at++;
    return true;
  }

  private skipSpaces(): void {
    while (this.text[this.at] === ' ') this.at++;
  }
}
