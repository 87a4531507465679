import { countTerms, isPositive, type QueryNode } from './ast.js';
import { assertPrintable, SearchInputError } from './errors.js';
import { tokenize, type Token } from './tokenize.js';

export interface QueryLimits {
  /** Characters (UTF-16 code units) in the raw query. */
  maxLength: number;
  /** Words and phrases, excluded ones included. */
  maxTerms: number;
  /** Nesting depth of parentheses. */
  maxDepth: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxLength: 512, maxTerms: 32, maxDepth: 8 };

const PARAM = 'q';
const SEARCHABLE = /[\p{L}\p{N}]/u;

function fail(code: string, message: string): never {
  throw new SearchInputError(PARAM, code, message);
}

function combine(kind: 'and' | 'or', nodes: QueryNode[]): QueryNode {
  const flat = nodes.flatMap((node) => (node.kind === kind ? node.children : [node]));
  return flat.length === 1 ? (flat[0] as QueryNode) : { kind, children: flat };
}

function negate(node: QueryNode): QueryNode {
  return node.kind === 'not' ? node.child : { kind: 'not', child: node };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly limits: QueryLimits,
  ) {}

  parse(): QueryNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) fail('unbalanced_parenthesis', `unexpected ")" at position ${extra.at + 1}`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private parseOr(): QueryNode | null {
    const branches: QueryNode[] = [];
    let last = this.parseAnd();
    while (this.peek()?.type === 'or') {
      const or = this.tokens[this.index++] as Token;
      const right = this.parseAnd();
      if (!last || !right)
        fail('dangling_or', `OR at position ${or.at + 1} needs a word on each side`);
      branches.push(last);
      last = right;
    }
    return last && combine('or', [...branches, last]);
  }

  private parseAnd(): QueryNode | null {
    const items: QueryNode[] = [];
    for (let token = this.peek(); token && token.type !== 'or' && token.type !== 'close';) {
      const item = this.parseUnary();
      if (item) items.push(item);
      token = this.peek();
    }
    return items.length === 0 ? null : combine('and', items);
  }

  private parseUnary(): QueryNode | null {
    const token = this.peek() as Token;
    if (token.type !== 'minus') return this.parsePrimary();
    this.index++;
    const next = this.peek();
    if (!next || next.type === 'or' || next.type === 'close') return null;
    const child = this.parseUnary();
    return child && negate(child);
  }

  private parsePrimary(): QueryNode | null {
    const token = this.tokens[this.index++] as Token;
    switch (token.type) {
      case 'word':
      case 'phrase':
        return this.leaf(token.type === 'word' ? 'term' : 'phrase', token.text);
      case 'open':
        return this.parseGroup(token);
      default:
        // parseAnd never hands over `or`/`close`; `minus` is taken by parseUnary.
        throw new Error(`unreachable token ${token.type}`);
    }
  }

  private leaf(kind: 'term' | 'phrase', raw: string): QueryNode | null {
    const text = raw.trim().replace(/\s+/gu, ' ');
    // Punctuation alone ("&", "!!!") yields no lexeme: drop it instead of querying for it.
    return SEARCHABLE.test(text) ? { kind, text } : null;
  }

  private parseGroup(open: Token): QueryNode | null {
    if (++this.depth > this.limits.maxDepth) {
      fail('too_deep', `parentheses are nested more than ${this.limits.maxDepth} levels deep`);
    }
    const inner = this.parseOr();
    if (this.peek()?.type !== 'close') {
      fail('unbalanced_parenthesis', `"(" at position ${open.at + 1} is never closed`);
    }
    this.index++;
    this.depth--;
    return inner;
  }
}

export interface ParsedQuery {
  /** null for an empty query (allowed only with filters; see request.ts). */
  ast: QueryNode | null;
  /** The raw text, trimmed. */
  text: string;
}

/**
 * Parses web-search syntax: words (all required), "quoted phrases", OR (upper-case), -exclusion
 * and parentheses. Throws SearchInputError with a sentence saying what to fix.
 */
export function parseSearchQuery(
  input: string,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): ParsedQuery {
  if (input.length > limits.maxLength) {
    fail(
      'too_long',
      `the query is ${input.length} characters long; the maximum is ${limits.maxLength}`,
    );
  }
  assertPrintable(PARAM, input, true);
  const text = input.trim();
  const tokens = tokenize(text);
  const ast = new Parser(tokens, limits).parse();
  if (tokens.length > 0 && !ast) fail('no_words', 'the query contains no words to search for');
  if (ast) checkAst(ast, limits);
  return { ast, text };
}

function checkAst(ast: QueryNode, limits: QueryLimits): void {
  const terms = countTerms(ast);
  if (terms > limits.maxTerms) {
    fail(
      'too_many_terms',
      `the query has ${terms} words or phrases; the maximum is ${limits.maxTerms}`,
    );
  }
  if (!isPositive(ast)) {
    fail(
      'only_exclusions',
      'the query only excludes words: add a word to search for (each side of OR needs one too)',
    );
  }
}
