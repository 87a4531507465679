import { readModelJson } from '../model/paths.js';

export const SECTION_NAMES_FILE = 'section-names.json';

/** A subject the publisher's own section names: surer than any cue word count. */
export const SECTION_SCORE = 0.9;

/** "Sport/Football", "News › Politics", "Business | Markets": each part is a section name. */
const SECTION_SEPARATORS = /\s*(?:[/|>›»·:,;]|\s-\s)\s*/u;

/** A category as the table holds names: NFKC, lower case, "&" as "and", single spaces. */
export function sectionName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s_]+/g, ' ')
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
}

/**
 * The IPTC subjects a feed's categories name by their section names (`models/section-names.json`:
 * "Sport", "Wirtschaft", "Politique", "Наука", "スポーツ", in about twenty languages). Categories that name
 * no section (tags, people, places, "News") name nothing.
 */
export class SectionNames {
  private constructor(private readonly subjectByName: ReadonlyMap<string, string>) {}

  static load(): SectionNames {
    return SectionNames.from(readModelJson<Record<string, string[]>>(SECTION_NAMES_FILE));
  }

  static from(table: Record<string, string[]>): SectionNames {
    const subjectByName = new Map<string, string>();
    for (const [subject, names] of Object.entries(table)) {
      for (const name of names) subjectByName.set(sectionName(name), subject);
    }
    return new SectionNames(subjectByName);
  }

  /** The subjects the categories name, in the order first named. */
  subjects(categories: readonly string[]): string[] {
    const subjects = new Set<string>();
    for (const category of categories.slice(0, 100)) {
      if (typeof category !== 'string') continue;
      const whole = this.subjectByName.get(sectionName(category));
      if (whole) {
        subjects.add(whole);
        continue;
      }
      for (const part of category.split(SECTION_SEPARATORS)) {
        const subject = this.subjectByName.get(sectionName(part));
        if (subject) subjects.add(subject);
      }
    }
    return [...subjects];
  }
}
