/** A parsed web-search query. `term` is a bare word, `phrase` a "quoted phrase". */
export type QueryNode =
  | { kind: 'term'; text: string }
  | { kind: 'phrase'; text: string }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

/** Canonical text form, for logs, cache keys and cursor binding. */
export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.text;
    case 'phrase':
      return `"${node.text}"`;
    case 'not':
      return `-${formatQuery(node.child)}`;
    case 'and':
      return `(${node.children.map(formatQuery).join(' ')})`;
    case 'or':
      return `(${node.children.map(formatQuery).join(' OR ')})`;
  }
}

/** Words and phrases the user asked for (not the excluded ones): what a highlighter marks. */
export function positiveTerms(node: QueryNode): string[] {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return [node.text];
    case 'not':
      return [];
    case 'and':
    case 'or':
      return node.children.flatMap(positiveTerms);
  }
}

export function countTerms(node: QueryNode): number {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return 1;
    case 'not':
      return countTerms(node.child);
    case 'and':
    case 'or':
      return node.children.reduce((sum, child) => sum + countTerms(child), 0);
  }
}

/**
 * True when the node matches a bounded set of documents (something an index can look up).
 * `-foo` alone, or `a OR -b`, would match almost every row: a full scan, refused up front.
 */
export function isPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return true;
    case 'not':
      return false;
    case 'and':
      return node.children.some(isPositive);
    case 'or':
      return node.children.every(isPositive);
  }
}
