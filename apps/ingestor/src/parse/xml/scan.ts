/** Character classes and skips for the XML reader. */

/** Set by `attributeValue` to the index just past the value, so no tuple is returned. */
export let valueEnd = 0;

/** True when `source[from, end)` is `name` with optional surrounding ASCII whitespace. */
export function closes(source: string, from: number, end: number, name: string): boolean {
  const start = skipSpaces(source, from);
  if (!source.startsWith(name, start)) return false;
  for (let index = start + name.length; index < end; index++) {
    if (!isSpace(source.charCodeAt(index))) return false;
  }
  return true;
}

/** Skips `<!DOCTYPE …>` including an internal subset; its entity declarations are ignored. */
export function skipDoctype(source: string, from: number): number {
  let inSubset = false;
  for (let index = from; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 0x5b /* [ */) inSubset = true;
    else if (code === 0x5d /* ] */) inSubset = false;
    else if (code === 0x3e /* > */ && !inSubset) return index + 1;
  }
  return source.length;
}

export function skipPast(source: string, from: number, terminator: string): number {
  const end = source.indexOf(terminator, from);
  return end === -1 ? source.length : end + terminator.length;
}

/** The raw attribute value starting at `from`; sets `valueEnd` to the index after it. */
export function attributeValue(source: string, from: number): string {
  const quote = source.charCodeAt(from);
  if (quote === 0x22 || quote === 0x27) {
    const close = source.indexOf(quote === 0x22 ? '"' : "'", from + 1);
    if (close === -1) {
      valueEnd = source.length;
      return source.slice(from + 1);
    }
    valueEnd = close + 1;
    return source.slice(from + 1, close);
  }
  let index = from;
  while (index < source.length) {
    const code = source.charCodeAt(index);
    if (code === 0x3e || isSpace(code)) break;
    index++;
  }
  valueEnd = index;
  return source.slice(from, index);
}

export function skipSpaces(source: string, from: number): number {
  let index = from;
  while (index < source.length && isSpace(source.charCodeAt(index))) index++;
  return index;
}

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

export function isNameStart(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x5f ||
    code === 0x3a ||
    code > 0x7f
  );
}

export function isNameChar(code: number): boolean {
  return (
    isNameStart(code) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d /* - */ ||
    code === 0x2e /* . */
  );
}
