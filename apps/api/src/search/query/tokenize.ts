export type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'phrase'; text: string; at: number }
  | { type: 'or'; at: number }
  | { type: 'minus'; at: number }
  | { type: 'open'; at: number }
  | { type: 'close'; at: number };

const SPACE = /\s/u;
const WORD_END = /[\s"()]/u;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || SPACE.test(ch);
}

function readPhrase(input: string, at: number): { token: Token; end: number } {
  const close = input.indexOf('"', at + 1);
  // An unterminated quote runs to the end, as in web search engines.
  const end = close === -1 ? input.length : close + 1;
  const text = input.slice(at + 1, close === -1 ? input.length : close);
  return { token: { type: 'phrase', text, at }, end };
}

function readWord(input: string, at: number): { token: Token; end: number } {
  let end = at;
  while (end < input.length && !WORD_END.test(input[end] ?? '')) end++;
  const text = input.slice(at, end);
  if (text === 'OR' || text === '|') return { token: { type: 'or', at }, end };
  return { token: { type: 'word', text, at }, end };
}

/**
 * Web-search tokens. `-` negates only at the start of a word ("covid-19" stays one word);
 * only upper-case `OR` (or `|`) is the operator, so "or" can still be searched for.
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'open' : 'close', at: i });
      i++;
    } else if (ch === '-' && !isSpace(input[i + 1])) {
      tokens.push({ type: 'minus', at: i });
      i++;
    } else {
      const { token, end } = ch === '"' ? readPhrase(input, i) : readWord(input, i);
      tokens.push(token);
      i = end;
    }
  }
  return tokens;
}
