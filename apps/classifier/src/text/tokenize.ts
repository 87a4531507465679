const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu;

export interface Token {
  text: string;
  start: number;
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index ?? 0 });
  return out;
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Lower-cased words without apostrophe/dot joins, for bag-of-words features. */
export function lowerWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
