/** The languages whose weekday and month names Node's ICU gives: SIB-200's 44 and a few more. */
const LANGUAGES = (
  'en fr de es it pt nl sv da nb fi pl cs sk sl hr sr bs bg mk ru uk be kk ky uz tg az tr hu ro ' +
  'el hy ka he ar fa ur hi bn mr ne sw id ms vi th ja ko zh et lv lt ga cy ca eu gl is sq mt af'
).split(' ');

let words: { all: Set<string>; weekdays: Set<string> } | undefined;

/**
 * Weekday and month names in those languages, lower-cased, in the forms a date gives them
 * (Sunday, October, Jumatatu; октября as Russian writes "5 октября"): capitalised, they are
 * candidate names to the pattern, but name no one, and every story of a day shares them.
 */
export function isCalendarWord(word: string): boolean {
  words ??= calendarWords();
  return words.all.has(word.toLowerCase());
}

/** A weekday's name: unlike some months' (April, May, June, Марта), never a person's. */
export function isWeekday(word: string): boolean {
  words ??= calendarWords();
  return words.weekdays.has(word.toLowerCase());
}

function calendarWords(): { all: Set<string>; weekdays: Set<string> } {
  const found = new Set<string>();
  const weekdays = new Set<string>();
  for (const language of LANGUAGES) {
    const weekday = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
    for (let day = 0; day < 7; day++) {
      weekdays.add(weekday.format(Date.UTC(2026, 0, 4 + day)).toLowerCase());
    }
    const month = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
    const dated = new Intl.DateTimeFormat(language, {
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    for (let m = 0; m < 12; m++) {
      const date = Date.UTC(2026, m, 15);
      found.add(month.format(date).toLowerCase());
      for (const part of dated.formatToParts(date)) {
        if (part.type === 'month') found.add(part.value.toLowerCase());
      }
    }
  }
  for (const day of weekdays) found.add(day);
  return { all: found, weekdays };
}
