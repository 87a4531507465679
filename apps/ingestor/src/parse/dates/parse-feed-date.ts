import { isoInstant } from './iso-instant.js';

/**
 * Reads the many date spellings feeds use (RFC 822/1123/2822 with or without day names, seconds
 * or numeric zones; RFC 3339/ISO 8601 with or without a zone; US zone abbreviations; two-digit
 * years; Unix timestamps) and returns an ISO 8601 instant, or undefined when nothing sensible
 * can be read. A date without a zone is taken as UTC.
 */

const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  CET: 60,
  MET: 60,
  CEST: 120,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};

/** English first, then the Portuguese, Spanish, French, German and Italian forms feeds carry. */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  ene: 0,
  gen: 0,
  fev: 1,
  fév: 1,
  mär: 2,
  mrz: 2,
  abr: 3,
  avr: 3,
  mai: 4,
  mag: 4,
  giu: 5,
  lug: 6,
  ago: 7,
  aoû: 7,
  set: 8,
  out: 9,
  okt: 9,
  ott: 9,
  dic: 11,
  dez: 11,
  déc: 11,
  juin: 5,
  juil: 6,
};

/** The English abbreviations as feeds almost always write them, looked up without lower-casing. */
const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map(
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map(
    (name, index) => [name, index],
  ),
);

function monthIndex(name: string): number | undefined {
  const english = ENGLISH_MONTHS.get(name);
  if (english !== undefined) return english;
  const lower = name.toLowerCase();
  return MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)];
}

const EARLIEST = Date.UTC(1970, 0, 2);
const LATEST_AHEAD_MS = 2 * 365 * 24 * 3600 * 1000;

export function parseFeedDate(raw: string | undefined, now = Date.now()): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  const text = UNEVEN_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  if (!text) return undefined;
  const common = COMMON_RFC822.exec(text);
  const millis =
    (common ? fromCommonRfc822(common) : undefined) ??
    parseIso(text) ??
    parseRfc822(text) ??
    parseUnix(text) ??
    parseFallback(text);
  if (millis === undefined || Number.isNaN(millis)) return undefined;
  if (millis < EARLIEST || millis > now + LATEST_AHEAD_MS) return undefined;
  return isoInstant(millis);
}

/**
 * The spelling most RSS feeds use (`Tue, 10 Jun 2003 04:00:00 GMT`, or a numeric zone), read
 * without the general pattern's Unicode matching. Anything else falls through to the general
 * readers, which accept this form too and give the same instant.
 */
const COMMON_RFC822 =
  /^(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|UTC?|Z|[ECMP][SD]T|[+-]\d{4})$/;

/** Whitespace that collapsing runs to one space would change (most dates have none). */
const UNEVEN_SPACE = /\s\s|[^\S ]/;

function fromCommonRfc822(match: RegExpExecArray): number | undefined {
  const [, day, monthName, year, hour, minute, second, zone] = match;
  const month = monthIndex(monthName!);
  const offset = zoneOffsetMinutes(zone);
  if (month === undefined || offset === undefined) return undefined;
  const local = Date.UTC(
    Number(year),
    month,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  return valid(local, month + 1, Number(day), Number(hour), Number(minute))
    ? local - offset * 60_000
    : undefined;
}

const ISO =
  /^(\d{4})-?(\d{2})(?:-?(\d{2}))?(?:[T ](\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?$/i;

function parseIso(text: string): number | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  const millis = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const local = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day ?? 1),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    millis,
  );
  return valid(local, Number(month), Number(day ?? 1), Number(hour ?? 0), Number(minute ?? 0))
    ? local - offset * 60_000
    : undefined;
}

const RFC822 =
  /^(?:\p{L}+\.?,? ?)?(\d{1,2})[ -](\p{L}{3,})\.?[ ,-]*(\d{2,4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)? ?(.*)$/u;

function parseRfc822(text: string): number | undefined {
  const match = RFC822.exec(text) ?? reorderMonthFirst(text);
  if (!match) return undefined;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = monthIndex(monthName!);
  if (month === undefined) return undefined;
  const [meridiem, zoneText] = splitMeridiem(zone?.trim() ?? '');
  const offset = zoneOffsetMinutes(zoneText.replace(/^\((.*)\)$/, '$1').split(' ')[0]);
  if (offset === undefined) return undefined;
  const hours = to24Hour(Number(hour), meridiem);
  const local = Date.UTC(
    fullYear(yearText!),
    month,
    Number(day),
    hours,
    Number(minute),
    Number(second ?? 0),
  );
  return valid(local, month + 1, Number(day), Number(hour), Number(minute))
    ? local - offset * 60_000
    : undefined;
}

/** "Jan 2, 2006 15:04:05 MST" / "Mon Jan 2 2006 15:04:05 GMT": normalised to the RFC 822 order. */
const MONTH_FIRST =
  /^(?:[A-Za-z]+,? )?([A-Za-z]{3,})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4}),? (?:at )?(\d{1,2}):(\d{2})(?::(\d{2}))? ?(.*)$/;

function reorderMonthFirst(text: string): RegExpExecArray | null {
  const match = MONTH_FIRST.exec(text);
  if (!match) return null;
  const [whole, monthName, day, ...rest] = match;
  const reordered = [whole, day, monthName, ...rest] as unknown as RegExpExecArray;
  return reordered;
}

function splitMeridiem(rest: string): [string | undefined, string] {
  const match = /^([AaPp][Mm])\b ?(.*)$/.exec(rest);
  return match ? [match[1]!.toUpperCase(), match[2]!] : [undefined, rest];
}

function to24Hour(hour: number, meridiem: string | undefined): number {
  if (meridiem === 'PM' && hour < 12) return hour + 12;
  if (meridiem === 'AM' && hour === 12) return 0;
  return hour;
}

function parseUnix(text: string): number | undefined {
  if (!/^\d{9,10}$/.test(text)) return undefined;
  return Number(text) * 1000;
}

function parseFallback(text: string): number | undefined {
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? undefined : millis;
}

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONE_OFFSETS[zone.toUpperCase()];
  if (named !== undefined) return named;
  // Unknown abbreviations are common ("Mon, 01 Jan 2024 10:00:00 CLT"): read the time as UTC
  // rather than losing the date.
  return /^[A-Za-z]{1,6}$/.test(zone) ? 0 : undefined;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function valid(millis: number, month: number, day: number, hour: number, minute: number): boolean {
  return (
    !Number.isNaN(millis) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour <= 24 &&
    minute <= 59
  );
}
