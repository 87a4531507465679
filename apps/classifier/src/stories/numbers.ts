/** Code points of the digit zero in the scripts the classifier reads; each run 0–9. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10];
// Arabic texts separate with U+066B (decimal) and U+066C (thousands); French and others group
// thousands with a (narrow) no-break or thin space, always before exactly three digits.
const NUMBER = /\p{Nd}+(?:[.,\u066b\u066c]\p{Nd}+|[\u00a0\u202f\u2009]\p{Nd}{3}(?!\p{Nd}))*/gu;
const SEPARATORS = new Set(['.', ',', '\u066b', '\u066c', '\u00a0', '\u202f', '\u2009']);
/**
 * Years, round figures and whole numbers below 32 (the day of the month, small counts) appear in
 * unrelated stories of the same day alike: no evidence of the same event. With them two stories
 * about one leader in one country on the 14th had their third shared anchor.
 */
const YEAR = /^(19|20)\d\d$/;
const ROUND = /^[1-9]0{1,2}$/;
const SMALL = /^([12]\d|3[01]|0\d)$/;
const MAX_NUMBERS = 20;

function asciiDigit(char: string): string | undefined {
  const code = char.codePointAt(0)!;
  const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
  return zero === undefined ? undefined : String(code - zero);
}

/** One figure in ASCII digits with '.' as separator, or undefined for a script not listed. */
function normalise(raw: string): string | undefined {
  let out = '';
  for (const char of raw) {
    if (SEPARATORS.has(char)) out += '.';
    else {
      const digit = asciiDigit(char);
      if (digit === undefined) return undefined;
      out += digit;
    }
  }
  return out;
}

/** Thousands grouped with a separator, then perhaps a decimal part: 78.297, 1.234.567, 1.234.56 */
const GROUPED = /^([1-9]\d{0,2}(?:\.\d{3})+)(\.\d{1,2})?$/;

/**
 * Grouped thousands without their separators, so 2.250 (Danish), 2,250 (English) and 2250
 * (Azerbaijani) are one figure. Three digits after a single separator are read as thousands: in
 * news "24.000" is far likelier twenty-four thousand than a decimal written to three places.
 */
function ungrouped(value: string): string {
  const grouped = GROUPED.exec(value);
  return grouped ? grouped[1].replace(/\./g, '') + (grouped[2] ?? '') : value;
}

/**
 * The figures of a text that can tell one event from another (a toll, an attendance, an article of
 * a law): two or more digits, in any of the scripts' digits, except years, round numbers and
 * whole numbers below 32. A
 * translation keeps them when it changes every word, so they count as shared story anchors.
 */
export function distinctiveNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const [raw] of text.matchAll(NUMBER)) {
    const normalised = normalise(raw);
    const value = normalised && ungrouped(normalised);
    if (
      !value ||
      value.replace(/\./g, '').length < 2 ||
      YEAR.test(value) ||
      ROUND.test(value) ||
      SMALL.test(value)
    )
      continue;
    found.add(value);
    if (found.size === MAX_NUMBERS) break;
  }
  return [...found];
}
