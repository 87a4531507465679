import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../model/paths.js';
import { isCalendarWord } from './calendar-words.js';
import { NameIndex } from '../text/name-index.js';
import { INFLECTING_LANGUAGES } from '../places/places.js';

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
 * Capitalised runs of 1..4 words; connectors like "von der", "de", "al-" may sit inside. Not
 * inside a cased word, but right after a letter of a script without case (発売の前にACMAは).
 */
const CANDIDATE =
  /(?<![\p{Lu}\p{Ll}\p{Lt}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:von|van|der|de|del|da|di|la|le|al|bin|ibn)\s+)?\p{Lu}[\p{L}\p{M}'’-]*){0,3}/gu;

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
    'Por Para Il Lo Gli Nel Della В На И С По Для Из О А Но Он Она Они Это Как Что При Также Однако После'
  ).split(' '),
);

export class EntityRecognizer {
  private readonly index = new NameIndex<AliasEntry>();

  constructor(entries: AliasEntry[]) {
    for (const entry of entries) for (const alias of entry.aliases) this.index.add(alias, entry);
  }

  static load(): EntityRecognizer {
    const data = JSON.parse(readFileSync(join(modelsDir(), 'entities.json'), 'utf8')) as {
      entities: AliasEntry[];
    };
    isCalendarWord(''); // builds the calendar words now, not in the first article's time
    return new EntityRecognizer(data.entities);
  }

  /** Where the alias table's names stand in `text` (places inside them are not mentioned). */
  spansIn(text: string, language?: string): { start: number; end: number }[] {
    const inflect = language ? INFLECTING_LANGUAGES.has(language) : false;
    return this.index
      .match(text, { inflect, maxSuffix: 3 })
      .map(({ start, end }) => ({ start, end }));
  }

  recognize(text: string, language?: string, options: EntityOptions = {}): Entity[] {
    const inflect = language ? INFLECTING_LANGUAGES.has(language) : false;
    const known = new Map<string, Entity>();
    const covered = [...(options.exclude ?? [])];
    for (const m of this.index.match(text, { inflect, maxSuffix: 3 })) {
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
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index ?? 0;
    const run = inOneScript(m[0]);
    const end = start + run.length;
    if (covered.some((c) => c.start < end && start < c.end)) continue;
    const words = run.split(/\s+/).filter((w) => !STOP.has(w));
    if (words.every(isCalendarWord)) continue;
    const name = words.join(' ');
    if (name.length < 3 || (words.length === 1 && isSentenceStart(text, start))) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([name]) => ({ name, type: 'other' as const }));
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

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  // ։ is Armenian's full stop.
  return index === 0 || /[.!?:;«"“։]\s*$/u.test(before) || /^\s*$/.test(text.slice(0, index));
}
