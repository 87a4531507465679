/**
 * Latin letters for the scripts without capital letters whose names the stories compare:
 * Devanagari, Bengali, Arabic (with Persian and Urdu letters) and Hebrew. Only consonants and
 * word-initial vowels matter to a skeleton, so vowel signs become vowels, aspiration is dropped
 * (थ, খ: the Latin names these scripts spell have no aspirates) and the long-vowel letters of the
 * abjads (و ي, ו י) are consonants only where a word starts with them.
 */
const DEVANAGARI =
  'अ:a आ:a इ:i ई:i उ:u ऊ:u ऋ:ri ए:e ऐ:ai ओ:o औ:au ऑ:o ऍ:e क:k ख:k ग:g घ:g ङ:n च:ch छ:ch ज:j ' +
  'झ:j ञ:n ट:t ठ:t ड:d ढ:d ण:n त:t थ:t द:d ध:d न:n प:p फ:f ब:b भ:b म:m य:y र:r ल:l ळ:l व:v ' +
  'श:sh ष:sh स:s ह:h ा:a ि:i ी:i ु:u ू:u ृ:ri े:e ै:ai ो:o ौ:au ॉ:o ॅ:e ं:n ः:h';
const DEVANAGARI_NUKTA = 'क:q ख:kh ग:gh ज:z ड:r ढ:r फ:f य:y';
const BENGALI =
  'অ:a আ:a ই:i ঈ:i উ:u ঊ:u ঋ:ri এ:e ঐ:oi ও:o ঔ:ou ক:k খ:k গ:g ঘ:g ঙ:n চ:ch ছ:ch জ:j ঝ:j ঞ:n ' +
  'ট:t ঠ:t ড:d ঢ:d ণ:n ত:t থ:t দ:d ধ:d ন:n প:p ফ:f ব:b ভ:v ম:m য:j র:r ল:l শ:sh ষ:sh স:s ' +
  'হ:h ৎ:t া:a ি:i ী:i ু:u ূ:u ৃ:ri ে:e ৈ:oi ো:o ৌ:ou ং:ng ঃ:h';
const BENGALI_NUKTA = 'ড:r ঢ:r য:y';
const ARABIC =
  'ا:a أ:a إ:i آ:a ٱ:a ب:b پ:p ت:t ث:s ج:j چ:ch ح:h خ:kh د:d ذ:z ر:r ز:z ژ:zh س:s ش:sh ص:s ' +
  'ض:d ط:t ظ:z غ:gh ف:f ق:q ك:k ک:k گ:g ل:l م:m ن:n ه:h ہ:h ھ: ة: ۃ: ع: ء: ئ: ؤ: ٹ:t ڈ:d ڑ:r ' +
  'ں:n ے:e ۓ:e';
const HEBREW =
  'א: ב:b ג:g ד:d ה:h ז:z ח:h ט:t כ:k ך:k ל:l מ:m ם:m נ:n ן:n ס:s ע: פ:f ף:f צ:ts ץ:ts ק:k ' +
  'ר:r ש:sh ת:t';
/** Letters standing for a vowel inside a word and a consonant at its start. */
const VOWEL_CARRIERS = new Map([
  ['و', ['v', 'u']],
  ['ي', ['y', 'i']],
  ['ی', ['y', 'i']],
  ['ى', ['y', 'a']],
  ['ו', ['v', 'o']],
  ['י', ['y', 'i']],
]);
/** Geresh after a Hebrew letter: the sounds Hebrew spells for foreign names (צ׳ = ch). */
const HEBREW_GERESH = new Map([
  ['ג', 'j'],
  ['ז', 'zh'],
  ['צ', 'ch'],
  ['ת', 't'],
]);
const GERESH = /['׳’]/;
const NUKTA = /[\u093c\u09bc]/;
/** ं ং: a nasal, m before p, b, m, f and v (ओलंपिक: Olympic). */
const ANUSVARA = /[\u0902\u0982]/;

const pairs = (table: string) =>
  table.split(' ').map((pair) => pair.split(':') as [string, string]);
const LETTERS = new Map([
  ...pairs(DEVANAGARI),
  ...pairs(BENGALI),
  ...pairs(ARABIC),
  ...pairs(HEBREW),
]);
const NUKTA_LETTERS = new Map([...pairs(DEVANAGARI_NUKTA), ...pairs(BENGALI_NUKTA)]);

/** Letters of the scripts read here; their signs without a reading are dropped. */
const SPELLED_HERE = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}]/u;

/** Scripts without capital letters whose words nameWordsOf keeps (Georgian: see nameSkeleton). */
export const CASELESS_SCRIPT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Georgian}]/u;

/**
 * A word (or name) of these scripts in Latin letters; other characters pass through. Expects
 * the text decomposed (NFD), as the precomposed nukta letters are.
 */
export function caselessToLatin(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1] ?? '';
    const wordStart = i === 0 || !/\p{L}|\p{M}/u.test(text[i - 1]!);
    if (char === '\u09cd' && next === 'য') {
      // ্য after a letter is a vowel (অ্যা: "a" as in Alex), not the consonant য.
      i++;
    } else if (wordStart && char === 'ও' && next === 'য' && NUKTA.test(text[i + 2] ?? '')) {
      // ওয়া spells a word-initial w (ওয়াশিংটন: Washington).
      out += 'v';
      i += 2;
    } else if (NUKTA.test(next) && NUKTA_LETTERS.has(char)) {
      out += NUKTA_LETTERS.get(char);
      i++;
    } else if (GERESH.test(next) && HEBREW_GERESH.has(char)) {
      out += HEBREW_GERESH.get(char);
      i++;
    } else if (char === 'ت' && next === 'ش') {
      out += 'ch';
      i++;
    } else if (VOWEL_CARRIERS.has(char)) {
      const [consonant, vowel] = VOWEL_CARRIERS.get(char)!;
      out += wordStart || next === char ? consonant : vowel;
      if (next === char) i++;
    } else if (ANUSVARA.test(char) && /^[pbmfv]/.test(LETTERS.get(next) ?? '')) {
      out += 'm';
    } else if (char === 'א' || char === 'ع') {
      out += wordStart ? 'a' : '';
    } else {
      out += LETTERS.get(char) ?? (SPELLED_HERE.test(char) ? '' : char);
    }
  }
  return out;
}
