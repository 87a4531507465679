import { readFileSync } from 'node:fs';
import { isCjkIdeograph } from '../../src/topics/bert-pieces.js';

/**
 * BERT's uncased WordPiece tokeniser, read from a Hugging Face tokenizer.json (the
 * sentence-transformer models of lib/sentence-encoder.ts ship one): lower case and accents
 * stripped, split at spaces and at every punctuation character, then each word cut greedily
 * into its longest vocabulary pieces ("##" marks a piece inside a word). A word with a piece
 * the vocabulary lacks is [UNK] whole, as in BERT.
 */
export class WordPiece {
  readonly cls: number;
  readonly sep: number;
  readonly unk: number;
  readonly pad: number;

  private constructor(
    private readonly vocab: Map<string, number>,
    private readonly maxLength: number,
  ) {
    this.cls = this.id('[CLS]');
    this.sep = this.id('[SEP]');
    this.unk = this.id('[UNK]');
    this.pad = this.id('[PAD]');
  }

  static load(path: string): WordPiece {
    const json = JSON.parse(readFileSync(path, 'utf8')) as {
      model: { type: string; vocab: Record<string, number> };
      truncation?: { max_length?: number } | null;
    };
    if (json.model.type !== 'WordPiece') throw new Error(`${path}: not a WordPiece tokenizer`);
    return new WordPiece(
      new Map(Object.entries(json.model.vocab)),
      json.truncation?.max_length ?? 512,
    );
  }

  /** [CLS] pieces [SEP], cut to the model's maximum length. */
  encode(text: string): number[] {
    const ids = basicTokens(text).flatMap((w) => this.pieces(w));
    return [this.cls, ...ids.slice(0, this.maxLength - 2), this.sep];
  }

  private id(token: string): number {
    const id = this.vocab.get(token);
    if (id === undefined) throw new Error(`vocabulary has no ${token}`);
    return id;
  }

  /** Greedy longest match from the left, as BERT's WordpieceTokenizer. */
  private pieces(word: string): number[] {
    const chars = [...word];
    if (chars.length > 100) return [this.unk];
    const out: number[] = [];
    for (let start = 0; start < chars.length;) {
      let end = chars.length;
      let found: number | undefined;
      for (; end > start; end--) {
        const piece = (start > 0 ? '##' : '') + chars.slice(start, end).join('');
        found = this.vocab.get(piece);
        if (found !== undefined) break;
      }
      if (found === undefined) return [this.unk];
      out.push(found);
      start = end;
    }
    return out;
  }
}

/** BERT's BasicTokenizer (uncased): clean, space out CJK, lower case, strip accents, split. */
export function basicTokens(text: string): string[] {
  let cleaned = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0 || cp === 0xfffd || isControl(ch)) continue;
    if (/\s/u.test(ch)) cleaned += ' ';
    else if (isCjkIdeograph(cp)) cleaned += ` ${ch} `;
    else cleaned += ch;
  }
  const folded = cleaned
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
  return folded
    .split(' ')
    .filter(Boolean)
    .flatMap((w) => w.split(/([\p{P}\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])/u).filter(Boolean));
}

function isControl(ch: string): boolean {
  if (ch === '\t' || ch === '\n' || ch === '\r') return false;
  return /\p{Cc}|\p{Cf}/u.test(ch);
}
