/**
 * Hangul in Latin letters (Revised Romanization: final consonants as k, t, p; ㅅ before i as sh), for the foreign names Korean
 * spells in it: 오베치킨 → obechikin, 워싱턴 → wosyingteon.
 */
const INITIALS = 'g kk n d tt r m b pp s ss _ j jj ch k t p h'.split(' ');
const VOWELS = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ');
const FINALS = '_ k k ks n nj nh t l lk lm lb ls lt lp lh m p ps t t ng t t k t p t'.split(' ');
const FIRST = 0xac00;
const LAST = 0xd7a3;

export const HANGUL = /[\uac00-\ud7a3]/;

export function hangulToLatin(word: string): string {
  let out = '';
  for (const char of word) {
    const code = char.codePointAt(0)! - FIRST;
    if (code < 0 || code > LAST - FIRST) continue;
    const initial = INITIALS[Math.floor(code / 588)]!;
    const vowel = VOWELS[Math.floor((code % 588) / 28)]!;
    const final = FINALS[code % 28]!;
    const onset = initial === '_' ? '' : initial === 's' && /^[iy]/.test(vowel) ? 'sh' : initial;
    out += onset + vowel + (final === '_' ? '' : final);
  }
  return out;
}
