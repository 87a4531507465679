/**
 * A multilingual name matcher: multi-word names, exact-case acronyms, cheap inflection (a stem
 * plus a short suffix, for languages that decline names: Казахстана, Kazakstanissa) and substring
 * lookup inside unspaced scripts (CJK, Thai) where names are glued to particles.
 */
import { folded } from './spelling-variants.js';

export interface NameMatch<T> {
  value: T;
  start: number;
  end: number;
  /** The name as written in the text. */
  surface: string;
}

export interface MatchOptions {
  /** Allow stem+suffix matches (set for languages that inflect proper names). */
  inflect?: boolean;
  /** Maximum characters of inflection suffix. */
  maxSuffix?: number;
  /** With `inflect`: the only suffix allowed (a genitive -s), instead of any up to maxSuffix. */
  onlySuffix?: string;
  /**
   * For languages that write prepositions and conjunctions as letters glued to the next word
   * (Hebrew בסין, Arabic بنيوزيلندا): the word's readings without them, tried when the word
   * itself names nothing.
   */
  unprefix?: (lower: string) => string[];
}

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\u30fc]/u;
const MAX_WORDS = 5;
const MIN_STEM = 4;

export function nameKey(name: string): string {
  return (folded(name).match(TOKEN) ?? []).join(' ');
}

function isAcronym(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 &&
    letters.length <= 6 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

/**
 * Georgian has capitals (Mtavruli) since Unicode 11, but prose never uses them: its letters are
 * read as caseless, as Arabic or Hebrew ones are.
 */
const GEORGIAN_LETTERS = { from: 0x10d0, to: 0x10ff };

function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= GEORGIAN_LETTERS.from && code <= GEORGIAN_LETTERS.to) return true;
  const first = word[0];
  return first !== first.toLowerCase() || first === first.toUpperCase();
}

export class NameIndex<T> {
  private readonly names = new Map<string, T[]>();
  private readonly acronyms = new Map<string, T[]>();
  private readonly stems = new Map<string, T[]>();
  private readonly unspaced = new Map<string, T[]>();
  /** First two characters of the unspaced keys: most positions in CJK or Thai text start none. */
  private readonly unspacedHeads = new Set<string>();
  /** First words of multi-word keys, so most tokens are rejected with one lookup. */
  private readonly firstWords = new Set<string>();
  /** Multi-word names by their first word's first letters, for declined runs (Новой Зеландией). */
  private readonly runsByHead = new Map<string, { words: string[]; values: T[] }[]>();

  add(name: string, value: T): void {
    const key = nameKey(name);
    if (!key) return;
    if (isAcronym(name)) {
      const key = (name.match(TOKEN) ?? []).join(' ');
      push(this.acronyms, key, value);
      this.firstWords.add(key.split(' ')[0]);
      return;
    }
    if (UNSPACED.test(key) && !key.includes(' ')) {
      if (key.length >= 2) {
        push(this.unspaced, key, value);
        this.unspacedHeads.add(key.slice(0, 2));
      }
      return;
    }
    push(this.names, key, value);
    this.firstWords.add(key.split(' ')[0]);
    if (key.includes(' ')) this.addRun(key, value);
    if (!key.includes(' ') && key.length > MIN_STEM) {
      push(this.stems, key, value);
      // Russian Россия -> России, Polish Polska -> Polski, Georgian ყაზახეთი -> ყაზახეთში: the
      // final vowel alternates.
      if (/[aeiouyаеёиоуыэюяіїєәөұүһaáéíóúąęиыაეიოუ]$/iu.test(key))
        push(this.stems, key.slice(0, -1), value);
    }
  }

  match(text: string, options: MatchOptions = {}): NameMatch<T>[] {
    const toks = tokenize(text);
    const out: NameMatch<T>[] = [];
    for (let i = 0; i < toks.length;) {
      const consumed = this.matchAt(toks, i, text, options, out);
      i += Math.max(1, consumed);
    }
    return out;
  }

  private matchAt(
    toks: Tok[],
    i: number,
    text: string,
    o: MatchOptions,
    out: NameMatch<T>[],
  ): number {
    const tok = toks[i];
    if (tok.text.charCodeAt(0) >= 0x0e00 && UNSPACED.test(tok.text)) {
      this.matchUnspaced(tok, out);
      return 1;
    }
    if (!startsUpper(tok.text)) return 1;
    if (this.firstWords.has(tok.text)) {
      const exactRun = this.longestRun(toks, i, (t) => t.text, this.acronyms);
      if (exactRun) return emit(out, exactRun.values, toks, i, exactRun.length, text);
    }
    if (this.firstWords.has(tok.lower)) {
      const run = this.longestRun(toks, i, (t) => t.lower, this.names);
      if (run) return emit(out, run.values, toks, i, run.length, text);
    }
    if (o.unprefix) {
      for (const rest of o.unprefix(tok.lower)) {
        if (!this.firstWords.has(rest)) continue;
        const run = this.longestRun(toks, i, (t) => t.lower, this.names, rest);
        if (run) return emit(out, run.values, toks, i, run.length, text);
      }
    }
    if (o.inflect && !o.onlySuffix) {
      const run = this.declinedRun(toks, i);
      if (run) return emit(out, run.values, toks, i, run.length, text);
    }
    if (o.inflect) {
      const values = o.onlySuffix
        ? this.suffixLookup(tok.lower, o.onlySuffix)
        : this.stemLookup(tok.lower, o.maxSuffix ?? 4);
      if (values) return emit(out, values, toks, i, 1, text);
    }
    return 1;
  }

  private longestRun(
    toks: Tok[],
    i: number,
    form: (t: Tok) => string,
    map: Map<string, T[]>,
    first: string = form(toks[i]),
  ): { values: T[]; length: number } | undefined {
    let key = '';
    let found: { values: T[]; length: number } | undefined;
    for (let n = 0; n < MAX_WORDS && i + n < toks.length; n++) {
      if (n > 0 && toks[i + n].start - toks[i + n - 1].end > 3) break;
      key = n === 0 ? first : `${key} ${form(toks[i + n])}`;
      const values = map.get(key);
      if (values) found = { values, length: n + 1 };
    }
    return found;
  }

  private addRun(key: string, value: T): void {
    const words = key.split(' ');
    const head = words[0].slice(0, RUN_HEAD);
    const runs = this.runsByHead.get(head) ?? [];
    const same = runs.find((run) => run.words.join(' ') === key);
    if (same) same.values.push(value);
    else runs.push({ words, values: [value] });
    this.runsByHead.set(head, runs);
  }

  /** The longest multi-word name whose every word is declined in the text (Южной Африки). */
  private declinedRun(toks: Tok[], i: number): { values: T[]; length: number } | undefined {
    let found: { values: T[]; length: number } | undefined;
    for (const run of this.runsByHead.get(toks[i].lower.slice(0, RUN_HEAD)) ?? []) {
      const n = run.words.length;
      if (i + n > toks.length || (found && found.length >= n)) continue;
      let matches = true;
      for (let k = 0; k < n && matches; k++) {
        const gap = k > 0 && toks[i + k].start - toks[i + k - 1].end > 3;
        matches = !gap && isDeclined(toks[i + k].lower, run.words[k]);
      }
      if (matches) found = { values: run.values, length: n };
    }
    return found;
  }

  private stemLookup(lower: string, maxSuffix: number): T[] | undefined {
    for (let cut = 1; cut <= maxSuffix && lower.length - cut >= MIN_STEM; cut++) {
      const values = this.stems.get(lower.slice(0, lower.length - cut));
      if (values) return values;
    }
    return undefined;
  }

  private suffixLookup(lower: string, suffix: string): T[] | undefined {
    if (!lower.endsWith(suffix) || lower.length - suffix.length < MIN_STEM) return undefined;
    return this.stems.get(lower.slice(0, lower.length - suffix.length));
  }

  private matchUnspaced(tok: Tok, out: NameMatch<T>[]): void {
    const s = tok.lower;
    const thaiWords = isThai(s) ? thaiWordBoundaries(s) : undefined;
    for (let i = 0; i < s.length; i++) {
      if (!this.unspacedHeads.has(s.slice(i, i + 2))) continue;
      for (let len = Math.min(10, s.length - i); len >= 2; len--) {
        const values = this.unspaced.get(s.slice(i, i + len));
        if (!values || insideKatakanaWord(s, i, len) || insideHangulWord(s, i)) continue;
        if (thaiWords && !(thaiWords.has(i) && thaiWords.has(i + len))) continue;
        const surface = tok.text.slice(i, i + len);
        for (const value of values)
          out.push({ value, start: tok.start + i, end: tok.start + i + len, surface });
        i += len - 1;
        break;
      }
    }
  }
}

const RUN_HEAD = 3;
/** A declined word keeps its name word but for at most this many final letters... */
const MAX_DROPPED = 3;
/** ...and adds at most this many. */
const MAX_ENDING = 4;

/**
 * Whether `word` is `name` declined: the same, or sharing all of it but its last few letters
 * (never fewer than three kept) and ending in a short suffix (новой for новая, штатов for штаты).
 */
function isDeclined(word: string, name: string): boolean {
  if (word === name) return true;
  let shared = 0;
  while (shared < word.length && shared < name.length && word[shared] === name[shared]) shared++;
  const kept = Math.min(name.length, Math.max(RUN_HEAD, name.length - MAX_DROPPED));
  return shared >= kept && word.length - shared <= MAX_ENDING;
}

const KATAKANA = /[\p{Script=Katakana}\u30fc]/u;

/**
 * A katakana name glued to more katakana is part of a longer word (タイ in タイプ "type",
 * フランス in フランスパン "French bread"): katakana words end where the script does.
 */
function insideKatakanaWord(s: string, start: number, length: number): boolean {
  if (!KATAKANA.test(s[start]!)) return false;
  const before = start > 0 ? s[start - 1]! : '';
  const after = s[start + length] ?? '';
  return (before !== '' && KATAKANA.test(before)) || (after !== '' && KATAKANA.test(after));
}

const THAI_WORDS = new Intl.Segmenter('th', { granularity: 'word' });

function isThai(s: string): boolean {
  const code = s.charCodeAt(0);
  return code >= 0x0e00 && code <= 0x0e7f;
}

/**
 * Thai writes no spaces between words: ICU's dictionary finds where they start and end, and a
 * name must start and end there (ริกา, Riga, is not in แอฟริกา, Africa; นอร์เวย์ is in ชาวนอร์เวย์).
 */
function thaiWordBoundaries(s: string): Set<number> {
  const boundaries = new Set<number>([s.length]);
  for (const segment of THAI_WORDS.segment(s)) boundaries.add(segment.index);
  return boundaries;
}

const HANGUL = /\p{Script=Hangul}/u;

/**
 * Korean separates its words with spaces and glues endings after them (서울에서, 프랑스의), so a
 * name starts a word: one found after more Hangul is part of another word (파리 in 사파리
 * "safari", 평양 in 태평양 "Pacific").
 */
function insideHangulWord(s: string, start: number): boolean {
  return start > 0 && HANGUL.test(s[start]!) && HANGUL.test(s[start - 1]!);
}

/** The last text tokenized and its tokens: an article's text is matched by several indexes. */
let lastTokenized: { text: string; toks: Tok[] } | undefined;

function tokenize(text: string): Tok[] {
  if (lastTokenized?.text === text) return lastTokenized.toks;
  const toks = tokenizeAnew(text);
  lastTokenized = { text, toks };
  return toks;
}

function tokenizeAnew(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], lower: folded(m[0]), start, end: start + m[0].length });
  }
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function emit<T>(
  out: NameMatch<T>[],
  values: T[],
  toks: Tok[],
  i: number,
  n: number,
  text: string,
): number {
  const start = toks[i].start;
  const end = toks[i + n - 1].end;
  for (const value of values) out.push({ value, start, end, surface: text.slice(start, end) });
  return n;
}
