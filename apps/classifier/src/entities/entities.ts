import { readModelJson } from '../model/paths.js';
import { isCalendarWord, isWeekday } from './calendar-words.js';
import { NameIndex, type NameMatch } from '../text/name-index.js';
import { INFLECTING_LANGUAGES } from '../places/places.js';
import { unprefixFor } from '../text/glued-prefixes.js';

export type EntityType = 'person' | 'organisation' | 'other';

export interface Entity {
  name: string;
  type: EntityType;
  canonical?: string;
}

interface AliasEntry {
  canonical: string;
  type: 'person' | 'organisation';
  aliases: string[];
}

export interface EntityOptions {
  /** Spans already explained (e.g. place names), not reported as candidate names. */
  exclude?: { start: number; end: number }[];
  maxCandidates?: number;
}

/**
 * Capitalised runs of 1..4 words on one line; connectors like "von der", "de", "al-" may sit
 * inside. Not inside a cased word, but right after a letter of a script without case
 * (発売の前にACMAは).
 */
const CANDIDATE =
  /(?<![\p{Lu}\p{Ll}\p{Lt}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*(?:[^\S\n]+(?:(?:von|van|der|de|del|da|di|la|le|al|bin|ibn)[^\S\n]+)?\p{Lu}[\p{L}\p{M}'’-]*){0,3}/gu;

/**
 * A name is written in one script: where a Latin, Cyrillic, Greek or Armenian run goes on in
 * another, as a suffix or a text without spaces does, it ends there (ACMAは is ACMA, Jonny
 * Reid는 is Jonny Reid, AOL-ის is AOL; all \p{L}, so the run would go on).
 */
const ONE_SCRIPT_RUN = ['Latin', 'Cyrillic', 'Greek', 'Armenian'].map(
  (script) => new RegExp(`^[\\p{Script=${script}}\\p{M}\\s'’-]+`, 'u'),
);

function inOneScript(run: string): string {
  for (const script of ONE_SCRIPT_RUN) {
    const match = script.exec(run);
    if (match) return match[0].replace(/[\s'’-]+$/u, '');
  }
  return run;
}

/** Capitalised words that start sentences or headlines but name nothing. */
const STOP = new Set(
  (
    'The A An In On At For And But Or Of To By With From As After Before This That These Those It Its He She They We I You ' +
    'Le La Les Un Une Des Du Et En Dans Pour Sur Par Au Aux Il Elle Ils Der Die Das Ein Eine Und Im Am Zu El Los Las Y Con ' +
    'Por Para Il Lo Gli Nel Della В На И С По Для Из О А Но Он Она Они Это Как Что При Также Однако После ' +
    'Anfang Mitte Ende'
  ).split(' '),
);

export class EntityRecognizer {
  private readonly index = new NameIndex<AliasEntry>();
  private lastAliases?: {
    text: string;
    language: string | undefined;
    matches: NameMatch<AliasEntry>[];
  };

  constructor(entries: AliasEntry[]) {
    for (const entry of entries) for (const alias of entry.aliases) this.index.add(alias, entry);
  }

  static load(): EntityRecognizer {
    const data = readModelJson<{ entities: AliasEntry[] }>('entities.json');
    isCalendarWord(''); // builds the calendar words now, not in the first article's time
    return new EntityRecognizer(data.entities);
  }

  /** Where the alias table's names stand in `text` (places inside them are not mentioned). */
  spansIn(text: string, language?: string): { start: number; end: number }[] {
    return this.aliasesIn(text, language).map(({ start, end }) => ({ start, end }));
  }

  /**
   * The alias table's names in `text` as `language` writes them (declined, behind glued
   * letters); the last text's are kept, as places ask first.
   */
  private aliasesIn(text: string, language?: string): NameMatch<AliasEntry>[] {
    const last = this.lastAliases;
    if (last?.text === text && last.language === language) return last.matches;
    const matches = this.index.match(text, {
      inflect: language ? INFLECTING_LANGUAGES.has(language) : false,
      maxSuffix: 3,
      unprefix: unprefixFor(language),
    });
    this.lastAliases = { text, language, matches };
    return matches;
  }

  recognize(text: string, language?: string, options: EntityOptions = {}): Entity[] {
    const known = new Map<string, Entity>();
    const covered = [...(options.exclude ?? [])];
    for (const m of this.aliasesIn(text, language)) {
      covered.push(m);
      if (!known.has(m.value.canonical)) {
        known.set(m.value.canonical, {
          name: m.surface,
          type: m.value.type,
          canonical: m.value.canonical,
        });
      }
    }
    return [...known.values(), ...candidates(text, covered, options.maxCandidates ?? 10)];
  }
}

function candidates(
  text: string,
  covered: { start: number; end: number }[],
  max: number,
): Entity[] {
  const counts = new Map<string, number>();
  const lowerCase = new LowerCaseWords(text);
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index ?? 0;
    const run = inOneScript(m[0]);
    const end = start + run.length;
    if (covered.some((c) => c.start < end && start < c.end)) continue;
    for (const name of namesInRun(run, text, start, lowerCase))
      counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([name]) => ({ name, type: 'other' as const }));
}

/**
 * Titles and roles written before a name, not part of it (Dr Brenda Fitzgerald). Not General:
 * General Motors, General Electric and the General Assembly lost their first word to it.
 */
const TITLES = new Set(
  (
    'Dr Dr. Prof Prof. Professor Mr Mr. Mrs Mrs. Ms Ms. Sir President Prime Minister Governor ' +
    'Senator Judge Author Chancellor Mayor Secretary Coach Director Chairman'
  ).split(' '),
);
/** A possessive ends a name: Puigdemont's Catalan is Puigdemont (and the FBI’s is the FBI). */
const POSSESSIVE = /['’]s$/u;

/**
 * The candidate names in a capitalised run starting at `start`: stop words and titles before a
 * name left out (Dr Brenda Fitzgerald, President Macron, also starting a sentence); nothing
 * where a weekday's name, or a sentence's first word that the text also writes in lower case,
 * stands before one word (Wednesday Former, While Republicans), nor where a sentence starts
 * with one word; a
 * possessive ends a name (Puigdemont's Catalan is Puigdemont; TJN’s Financial Secrecy Index is
 * TJN and Financial Secrecy Index).
 */
function namesInRun(run: string, text: string, start: number, lowerCase: LowerCaseWords): string[] {
  const all = run.split(/\s+/);
  let words = all.filter((word) => !STOP.has(word));
  if (words.length === 0 || words.every(isCalendarWord)) return [];
  let dropped = false;
  if (isSentenceStart(text, start)) {
    if (words.length === 1) return [];
    // A title announces a name, even a single word (President Macron said…).
    dropped = words[0] === all[0] && !TITLES.has(all[0]) && isOrdinary(all[0], lowerCase);
  }
  while (words.length > 1 && (dropped || isWeekday(words[0]))) {
    words = words.slice(1);
    dropped = false;
    if (words.length === 1) return [];
  }
  while (words.length > 1 && TITLES.has(words[0])) words = words.slice(1);
  return splitAtPossessives(trimConnectors(words)).filter((name) => name.length >= 3);
}

function trimConnectors(words: string[]): string[] {
  let from = 0;
  let to = words.length;
  while (from < to && !/^\p{Lu}/u.test(words[from])) from++;
  while (to > from && !/^\p{Lu}/u.test(words[to - 1])) to--;
  return words.slice(from, to);
}

function splitAtPossessives(words: string[]): string[] {
  const names: string[] = [];
  let name: string[] = [];
  for (const word of words) {
    if (!POSSESSIVE.test(word)) {
      name.push(word);
      continue;
    }
    names.push([...name, word.slice(0, -2)].join(' '));
    name = [];
  }
  // What follows a possessive is a name of two words or more (TJN’s Financial Secrecy Index),
  // not a capitalised noun (Kelvin’s Book).
  if (name.length > 1 || names.length === 0) names.push(name.join(' '));
  return names;
}

/** A capitalised word the text also writes in lower case, or a stop word, title or weekday. */
function isOrdinary(word: string, lowerCase: LowerCaseWords): boolean {
  if (STOP.has(word) || isCalendarWord(word) || TITLES.has(word)) return true;
  return lowerCase.has(word.toLowerCase());
}

/** The words a text writes in lower case, gathered when first asked for. */
class LowerCaseWords {
  private words?: Set<string>;

  constructor(private readonly text: string) {}

  has(word: string): boolean {
    this.words ??= new Set(this.text.match(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu));
    return this.words.has(word);
  }
}

/**
 * Languages that capitalise every noun: a capitalised word alone there is mostly a common noun
 * (Mannschaft, Dürre, Minuten), not a name.
 */
const NOUN_CAPITALISING = new Set(['de', 'lb']);

/**
 * The entities that name someone or something: in a language that capitalises every noun, the
 * known entities (the alias table) and candidate names of two or more words. The topic model
 * still sees every candidate, as it was trained.
 */
export function namedEntities(entities: Entity[], language: string): Entity[] {
  if (!NOUN_CAPITALISING.has(language)) return entities;
  return entities.flatMap((entity) =>
    entity.canonical !== undefined
      ? [entity]
      : namesWithin(entity.name).map((name) => ({ ...entity, name })),
  );
}

/**
 * The names in a candidate run of a noun-capitalising language: its runs of capitalised words
 * between lower-case connectors ("Entscheidung der NBA" → Entscheidung, NBA), an acronym alone
 * (NBA, AOL), other words two or more together (Felipe Massa), not one alone (Entscheidung).
 */
function namesWithin(name: string): string[] {
  const names: string[] = [];
  for (const run of name.split(/\s+(?:\p{Ll}\S*\s+)+|^\p{Ll}\S*\s+/u)) {
    const words = run.split(/\s+/).filter((word) => /^\p{Lu}/u.test(word));
    const acronyms = words.filter((word) => ACRONYM.test(word));
    const others = words.filter((word) => !ACRONYM.test(word));
    names.push(...acronyms);
    if (others.length > 1) names.push(others.join(' '));
  }
  return names;
}

const ACRONYM = /^\p{Lu}[\p{Lu}\d]+$/u;

/** What may stand between a sentence's end and its first word: spaces, quotes, brackets. */
const OPENING = `\\s"'“”‘’«»„()\\[\\]`;
/** A sentence ends at a full stop, ellipsis, colon or line break (։ is Armenian's full stop). */
const SENTENCE_ENDS_BEFORE = new RegExp(`[.!?:;…։\\n][${OPENING}]*$`, 'u');
const ONLY_OPENING = new RegExp(`^[${OPENING}]*$`, 'u');

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 6), index);
  if (SENTENCE_ENDS_BEFORE.test(before)) return true;
  return index <= 6 && ONLY_OPENING.test(before);
}
