import type { NsKey } from './namespaces.js';

/**
 * Interning for the XML reader: feeds repeat a few dozen names and indentation runs thousands of
 * times, so each distinct one is built once and found again by hash without slicing the source.
 */

type Namespaces = ReadonlyMap<string, string>;

/** Element keys that never contain themselves in a feed (see the reader's sibling rule). */
const SIBLING_ONLY: ReadonlySet<string> = new Set(['item', 'entry']);

/** An interned element or attribute name, with its namespace resolution memoised per scope. */
export interface QName {
  readonly name: string;
  readonly local: string;
  readonly key: string;
  readonly prefix: string;
  /** See `closeUnclosedSibling`. */
  readonly siblingOnly: boolean;
  scope: Namespaces | undefined;
  ns: string;
  nsKey: NsKey;
}

const NAME_SLOTS = 4096;
const names: Array<QName | undefined> = new Array<QName | undefined>(NAME_SLOTS).fill(undefined);

export function internName(source: string, start: number, end: number, hash: number): QName {
  const slot = hash & (NAME_SLOTS - 1);
  const hit = names[slot];
  if (hit !== undefined && hit.name.length === end - start && source.startsWith(hit.name, start))
    return hit;
  const name = source.slice(start, end);
  const colon = name.indexOf(':');
  const local = colon === -1 ? name : name.slice(colon + 1);
  const key = local.toLowerCase();
  const qname: QName = {
    name,
    local,
    key,
    siblingOnly: SIBLING_ONLY.has(key),
    prefix: colon === -1 ? '' : name.slice(0, colon),
    scope: undefined,
    ns: '',
    nsKey: '',
  };
  names[slot] = qname;
  return qname;
}

const SPACE_SLOTS = 256;
export const MAX_SHARED_SPACE = 64;
const spaces: Array<string | undefined> = new Array<string | undefined>(SPACE_SLOTS).fill(
  undefined,
);

/** Indentation between tags repeats endlessly: one shared string per distinct run. */
export function sharedSpace(source: string, start: number, end: number, hash: number): string {
  const slot = (hash ^ (end - start)) & (SPACE_SLOTS - 1);
  const hit = spaces[slot];
  if (hit !== undefined && hit.length === end - start && source.startsWith(hit, start)) return hit;
  const run = source.slice(start, end);
  spaces[slot] = run;
  return run;
}
