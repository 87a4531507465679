import { segmentForIndex } from '#text';
import type { QueryNode } from './ast.js';
import { SearchInputError } from './errors.js';

/** A SQL expression of type tsquery and its bind values, `$n` numbered from `firstParam`. */
export interface CompiledTsquery {
  sql: string;
  params: string[];
}

export interface CompileOptions {
  /**
   * Text search configurations to read the query in (see `searchConfigsFor`). The whole query
   * is compiled once per configuration and the results are OR-ed: a document is indexed with
   * its own language's configuration, so "the beatles" must become 'beatl' for English
   * documents and 'the' & 'beatles' for `simple` ones, not a mix where the stop word is required.
   */
  configs: readonly string[];
  /** Number of the first placeholder, to append these params after the caller's own. */
  firstParam?: number;
  /**
   * Most *_tsquery calls the SQL may contain. Each costs ~12 µs to evaluate on this machine;
   * nested exclusions multiply by the number of configurations, so a pathological query over
   * all languages would cost ~100 ms before touching an index. Default 1000 (~12 ms).
   */
  maxCalls?: number;
}

export const DEFAULT_MAX_TSQUERY_CALLS = 1000;

class Binder {
  readonly params: string[] = [];
  private readonly slots = new Map<string, string>();

  constructor(private readonly first: number) {}

  /**
   * Same value, same placeholder: a term's text is bound once for all configurations. Kinds
   * never share a slot, so each placeholder has a single SQL type.
   */
  bind(value: string, kind: 'config' | 'text' = 'text'): string {
    const key = `${kind}:${value}`;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = `$${this.first + this.params.length}`;
      this.params.push(value);
      this.slots.set(key, slot);
    }
    return slot;
  }
}

interface Slots {
  config: string;
  all: readonly string[];
  binder: Binder;
}

function compileNode(node: QueryNode, slots: Slots): string {
  const { config, binder } = slots;
  switch (node.kind) {
    case 'term':
      return `plainto_tsquery(${config}::regconfig, ${binder.bind(segmentForIndex(node.text))}::text)`;
    case 'phrase':
      return `phraseto_tsquery(${config}::regconfig, ${binder.bind(segmentForIndex(node.text))}::text)`;
    case 'not':
      return `(!! ${anyConfig(node.child, slots)})`;
    case 'and':
      return `(${node.children.map((c) => compileNode(c, slots)).join(' && ')})`;
    case 'or':
      return `(${node.children.map((c) => compileNode(c, slots)).join(' || ')})`;
  }
}

/**
 * An excluded term is excluded in every configuration's reading: otherwise "-hausse" read by
 * `simple` ('hausse') would let through a French document indexed as 'hauss'.
 */
function anyConfig(node: QueryNode, slots: Slots): string {
  const readings = slots.all.map((config) => compileNode(node, { ...slots, config }));
  return readings.length === 1 ? (readings[0] as string) : `(${readings.join(' || ')})`;
}

/**
 * Compiles a parsed query into a tsquery SQL expression. User text only ever travels as bind
 * parameters (configurations too), so the SQL text depends on the query's shape alone.
 *
 * Bare words use plainto_tsquery (a CJK word segmented into several becomes an AND of them),
 * quoted phrases phraseto_tsquery (words adjacent, in order). A stop word yields an empty
 * tsquery, which `&&`/`||` ignore. Exclusions apply in every configuration (see anyConfig).
 * Evaluate it once per statement, e.g.
 * `FROM search_documents d, (SELECT <sql> AS q) query WHERE d.tsv @@ query.q`.
 */
export function compileTsquery(ast: QueryNode, options: CompileOptions): CompiledTsquery {
  if (options.configs.length === 0) throw new Error('compileTsquery needs at least one config');
  const binder = new Binder(options.firstParam ?? 1);
  const configSlots = options.configs.map((config) => binder.bind(config, 'config'));
  const slots: Slots = { config: configSlots[0] as string, all: configSlots, binder };
  // Top-level exclusions read the same in every configuration: factor them out of the OR.
  const children = ast.kind === 'and' ? ast.children : [ast];
  const included = children.filter((child) => child.kind !== 'not');
  const excluded = children.filter((child) => child.kind === 'not');
  const positive =
    included.length === 1
      ? (included[0] as QueryNode)
      : { kind: 'and' as const, children: included };
  const parts = [anyConfig(positive, slots), ...excluded.map((child) => compileNode(child, slots))];
  const sql = parts.length === 1 ? (parts[0] as string) : `(${parts.join(' && ')})`;
  assertAffordable(sql, options);
  return { sql, params: binder.params };
}

function assertAffordable(sql: string, options: CompileOptions): void {
  const calls = sql.match(/_tsquery\(/g)?.length ?? 0;
  const max = options.maxCalls ?? DEFAULT_MAX_TSQUERY_CALLS;
  if (calls > max) {
    throw new SearchInputError(
      'q',
      'too_complex',
      'the query is too complex to search in every language: add a lang filter, ' +
        'or use fewer exclusions inside parentheses',
    );
  }
}
