import { languageCodeOfName } from './language-names.js';
import { invalid, list, single, type RawParams } from './params.js';

export interface SearchFilters {
  /**
   * ISO 639-1 or 639-3 codes or `und`, lower-case (names of languages given are read as their
   * codes); `no` also names `nb` and `nn`.
   */
  lang: string[];
  topic: string[];
  /** ISO 3166-1 alpha-2 codes (upper-case) or values of the place vocabulary. */
  place: string[];
  /** Names as given, with the canonical names of the known entities they are aliases of. */
  entity: string[];
  feed: string[];
  /** Inclusive. */
  since?: Date;
  /** Exclusive: `until=2025-05-01` means before 2025-05-02T00:00Z. */
  until?: Date;
}

export interface FilterVocabulary {
  /** Known topic codes; without it topics are checked for shape only. */
  topics?: ReadonlySet<string>;
  /** Known non-country places (e.g. city ids). */
  places?: ReadonlySet<string>;
  /** The place codes a name in any language stands for; without it places are codes only. */
  placesNamed?: (name: string) => readonly string[];
  /** The canonical names of the known entities a name is an alias of. */
  entitiesNamed?: (name: string) => readonly string[];
  /** Shape of a feed id; default: UUID or positive integer. */
  feedId?: RegExp;
}

export const FILTER_NAMES = ['lang', 'topic', 'place', 'entity', 'feed', 'since', 'until'] as const;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const TOPIC_SHAPE = /^[\w:.-]{1,64}$/;
const DEFAULT_FEED_ID =
  /^(\d{1,18}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/** `und`: articles whose language the classifier could not tell. */
const UNDETERMINED = 'und';

/**
 * Codes that also stand for others: the classifier stores a feed's Norwegian `no` as Bokmål
 * `nb`, so `lang=no` asks for both written standards.
 */
const MACROLANGUAGES: Readonly<Record<string, readonly string[]>> = { no: ['nb', 'nn'] };

function isLanguage(code: string): boolean {
  return (
    code === UNDETERMINED || (/^[a-z]{2,3}$/.test(code) && languageNames.of(code) !== undefined)
  );
}

function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && code !== 'ZZ' && regionNames.of(code) !== undefined;
}

/** A code as given, or the code of a language's name ("French", "français", "русский"). */
function languageCode(value: string): string | undefined {
  const code = value.toLowerCase();
  return isLanguage(code) ? code : languageCodeOfName(value);
}

function languages(params: RawParams): string[] {
  const codes = list(params, 'lang').map((value) => {
    const code = languageCode(value);
    if (code === undefined) {
      invalid(
        'lang',
        `unknown language "${value}": use ISO 639-1 or 639-3 codes such as en, fr, ja, cnr, ` +
          'or und, or a language’s name',
        'unknown_value',
      );
    }
    return code;
  });
  return [...new Set(codes.flatMap((code) => [code, ...(MACROLANGUAGES[code] ?? [])]))];
}

function topics(params: RawParams, vocabulary: FilterVocabulary): string[] {
  const values = list(params, 'topic');
  const unknown = values.find((v) =>
    vocabulary.topics ? !vocabulary.topics.has(v) : !TOPIC_SHAPE.test(v),
  );
  if (unknown !== undefined)
    invalid('topic', `unknown topic "${unknown}": see GET /topics`, 'unknown_value');
  return values;
}

function places(params: RawParams, vocabulary: FilterVocabulary): string[] {
  const codes = list(params, 'place').flatMap((v) => {
    if (vocabulary.places?.has(v)) return [v];
    const country = v.toUpperCase();
    if (isCountry(country)) return [country];
    const named = vocabulary.placesNamed?.(v) ?? [];
    if (named.length) return named;
    return invalid(
      'place',
      `unknown place "${v}": use ISO 3166-1 country codes such as FR, JP, a country or city ` +
        'name (Kazakhstan, Алматы), or see GET /places',
      'unknown_value',
    );
  });
  return [...new Set(codes)];
}

/**
 * Entities as search documents store them: a known entity under its canonical name, any other
 * under the name found in the text. An alias in any language (Токаев, Tokaïev) also asks for
 * its canonical name; the name itself stays, as a candidate name may be stored as written.
 */
function entities(params: RawParams, vocabulary: FilterVocabulary): string[] {
  const names = list(params, 'entity');
  return [...new Set(names.flatMap((v) => [v, ...(vocabulary.entitiesNamed?.(v) ?? [])]))];
}

function feeds(params: RawParams, vocabulary: FilterVocabulary): string[] {
  const shape = vocabulary.feedId ?? DEFAULT_FEED_ID;
  const values = list(params, 'feed');
  const bad = values.find((v) => !shape.test(v));
  if (bad !== undefined) invalid('feed', `"${bad}" is not a feed id`, 'unknown_value');
  return values;
}

function validCalendarDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** RFC 3339 date-time, or a date (the start of that UTC day; `endOfDay` for its end). */
function parseInstant(name: string, value: string, endOfDay: boolean): Date {
  const dateOnly = DATE_ONLY.exec(value);
  const match = dateOnly ?? DATE_TIME.exec(value);
  const [, y = '', m = '', d = '', hh = '0', mm = '0'] = match ?? [];
  const time = new Date(dateOnly ? `${value}T00:00:00Z` : value.replace(' ', 'T'));
  if (
    !match ||
    !validCalendarDate(y, m, d) ||
    Number(hh) > 23 ||
    Number(mm) > 59 ||
    Number.isNaN(time.getTime())
  ) {
    invalid(
      name,
      `${name} must be a date (2025-05-01) or an RFC 3339 date-time (2025-05-01T12:00:00Z), not "${value}"`,
    );
  }
  if (Number(y) < 1900) invalid(name, `${name} must be after 1900`);
  return dateOnly && endOfDay ? new Date(time.getTime() + DAY_MS) : time;
}

function instant(params: RawParams, name: 'since' | 'until'): Date | undefined {
  const value = single(params, name);
  return value === undefined || value === ''
    ? undefined
    : parseInstant(name, value.trim(), name === 'until');
}

/** Validates the filter parameters; throws SearchInputError naming the parameter and why. */
export function parseFilters(params: RawParams, vocabulary: FilterVocabulary = {}): SearchFilters {
  const filters: SearchFilters = {
    lang: languages(params),
    topic: topics(params, vocabulary),
    place: places(params, vocabulary),
    entity: entities(params, vocabulary),
    feed: feeds(params, vocabulary),
    since: instant(params, 'since'),
    until: instant(params, 'until'),
  };
  if (filters.since && filters.until && filters.since >= filters.until) {
    invalid('since', 'since must be earlier than until');
  }
  return filters;
}

export function hasFilters(filters: SearchFilters): boolean {
  return (
    filters.lang.length +
      filters.topic.length +
      filters.place.length +
      filters.entity.length +
      filters.feed.length >
      0 ||
    filters.since !== undefined ||
    filters.until !== undefined
  );
}
