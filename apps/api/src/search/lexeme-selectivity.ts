/**
 * The planner's selectivity of `document @@ tsquery`, computed here from the column's statistics
 * (pg_stats.most_common_elems) the way PostgreSQL's tsmatchsel does (ts_selfuncs.c): a lexeme
 * among the most common elements has its frequency, any other half the least frequency (at most
 * 0.5 %), a prefix the frequencies of the elements it starts, AND and phrase multiply, OR adds
 * as independent events, NOT complements. Asking the planner instead costs an EXPLAIN round trip
 * before every first search of a word.
 */
export interface LexemeStatistics {
  /** Lexeme -> the share of non-null rows holding it. */
  frequencies: Map<string, number>;
  /** The least of those frequencies (the statistics' own figure). */
  minFrequency: number;
  nullFraction: number;
}

/** PostgreSQL's DEFAULT_TS_MATCH_SEL: the estimate's ceiling for a lexeme below the statistics. */
const DEFAULT_MATCH_SELECTIVITY = 0.005;

type Node =
  | { kind: 'lexeme'; lexeme: string; prefix: boolean }
  | { kind: 'not'; operand: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node };

/** Statistics from pg_stats' arrays (frequencies carry min, max and maybe a null share last). */
export function lexemeStatistics(
  elements: readonly string[],
  frequencies: readonly number[],
  nullFraction: number,
): LexemeStatistics | undefined {
  if (elements.length === 0 || frequencies.length < elements.length + 2) return undefined;
  const map = new Map<string, number>();
  elements.forEach((element, i) => map.set(element, frequencies[i]!));
  return { frequencies: map, minFrequency: frequencies[elements.length]!, nullFraction };
}

/** The share of rows the planner expects to match; undefined for text it cannot read. */
export function tsquerySelectivity(text: string, stats: LexemeStatistics): number | undefined {
  const tree = parseTsquery(text);
  if (!tree) return undefined;
  return clamp(selectivity(tree, stats) * (1 - stats.nullFraction));
}

/** The selectivity of one lexeme below the statistics (what tsmatchsel gives every unknown one). */
export function unseenLexemeSelectivity(stats: LexemeStatistics): number {
  return unlisted(stats) * (1 - stats.nullFraction);
}

/** Half the least listed frequency, at most DEFAULT_MATCH_SELECTIVITY (of non-null rows). */
function unlisted(stats: LexemeStatistics): number {
  return Math.min(DEFAULT_MATCH_SELECTIVITY, stats.minFrequency / 2);
}

function selectivity(node: Node, stats: LexemeStatistics): number {
  switch (node.kind) {
    case 'lexeme':
      return node.prefix ? prefixSelectivity(node.lexeme, stats) : lexemeSelectivity(node, stats);
    case 'not':
      return clamp(1 - selectivity(node.operand, stats));
    case 'and':
      return clamp(selectivity(node.left, stats) * selectivity(node.right, stats));
    case 'or': {
      const left = selectivity(node.left, stats);
      const right = selectivity(node.right, stats);
      return clamp(left + right - left * right);
    }
  }
}

function lexemeSelectivity(node: { lexeme: string }, stats: LexemeStatistics): number {
  return stats.frequencies.get(node.lexeme) ?? unlisted(stats);
}

/** As the planner: matched elements OR-ed, plus the unlisted rows' share of the matched count. */
function prefixSelectivity(prefix: string, stats: LexemeStatistics): number {
  let matched = 0;
  let all = 0;
  let count = 0;
  for (const [element, frequency] of stats.frequencies) {
    if (element.startsWith(prefix)) {
      matched += frequency - matched * frequency;
      count++;
    }
    all += frequency - all * frequency;
  }
  const estimate =
    clamp(matched) + (1 - clamp(all)) * (count / Math.max(1, stats.frequencies.size));
  return Math.max(unlisted(stats), estimate);
}

const clamp = (p: number) => (p < 0 ? 0 : p > 1 ? 1 : p);

/**
 * Reads PostgreSQL's tsquery output: quoted lexemes (quotes and backslashes doubled inside),
 * :* and weight flags, !, &, |, <-> and <N>, parentheses. Precedence as tsquery's own: ! above
 * phrase above & above |.
 */
export function parseTsquery(text: string): Node | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return undefined;
  let at = 0;
  const peek = () => tokens[at];
  const binary = (operator: string, next: () => Node | undefined, kind: 'and' | 'or') => {
    let left = next();
    while (left && peek()?.op === operator) {
      at++;
      const right = next();
      left = right ? { kind, left, right } : undefined;
    }
    return left;
  };
  const primary = (): Node | undefined => {
    const token = tokens[at++];
    if (!token) return undefined;
    if (token.lexeme !== undefined) return { kind: 'lexeme', ...token.lexeme };
    if (token.op === '!') {
      const operand = primary();
      return operand && { kind: 'not', operand };
    }
    if (token.op !== '(') return undefined;
    const inner = or();
    return tokens[at++]?.op === ')' ? inner : undefined;
  };
  const phrase = () => binary('<>', primary, 'and');
  const and = () => binary('&', phrase, 'and');
  const or = (): Node | undefined => binary('|', and, 'or');
  const tree = or();
  return at === tokens.length ? tree : undefined;
}

type Token = { op?: string; lexeme?: { lexeme: string; prefix: boolean } };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ' ') i++;
    else if ('&|!()'.includes(char)) {
      tokens.push({ op: char });
      i++;
    } else if (char === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) return undefined;
      tokens.push({ op: '<>' });
      i = end + 1;
    } else if (char === "'") {
      const read = readLexeme(text, i);
      if (!read) return undefined;
      tokens.push({ lexeme: read.lexeme });
      i = read.end;
    } else return undefined;
  }
  return tokens;
}

function readLexeme(
  text: string,
  start: number,
): { lexeme: { lexeme: string; prefix: boolean }; end: number } | undefined {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return undefined;
    // Output doubles quotes and backslashes inside a lexeme.
    if (text[i] === "'" && text[i + 1] !== "'") break;
    if (text[i] === "'" || text[i] === '\\') i++;
    value += text[i++];
  }
  i++;
  let flags = '';
  if (text[i] === ':') {
    const match = /^:[*A-Da-d]*/.exec(text.slice(i))!;
    flags = match[0];
    i += flags.length;
  }
  return { lexeme: { lexeme: value, prefix: flags.includes('*') }, end: i };
}
