/**
 * Katakana in Latin letters (Hepburn), for the foreign names Japanese writes in it: アレックス
 * → arekkusu. Long-vowel marks and small tsu (a doubled consonant) add nothing to a skeleton.
 */
const ROWS: [string, string][] = [
  ['アイウエオ', 'a i u e o'],
  ['ァィゥェォ', 'a i u e o'],
  ['カキクケコ', 'ka ki ku ke ko'],
  ['ガギグゲゴ', 'ga gi gu ge go'],
  ['サシスセソ', 'sa shi su se so'],
  ['ザジズゼゾ', 'za ji zu ze zo'],
  ['タチツテト', 'ta chi tsu te to'],
  ['ダヂヅデド', 'da ji zu de do'],
  ['ナニヌネノ', 'na ni nu ne no'],
  ['ハヒフヘホ', 'ha hi fu he ho'],
  ['バビブベボ', 'ba bi bu be bo'],
  ['パピプペポ', 'pa pi pu pe po'],
  ['マミムメモ', 'ma mi mu me mo'],
  ['ヤユヨャュョ', 'ya yu yo ya yu yo'],
  ['ラリルレロ', 'ra ri ru re ro'],
  ['ワヰヱヲンヴ', 'wa i e o n vu'],
];
const KANA = new Map<string, string>(
  ROWS.flatMap(([kana, latin]) => {
    const sounds = latin.split(' ');
    return [...kana].map((char, i) => [char, sounds[i]!] as [string, string]);
  }),
);

/** Runs of katakana (with the long-vowel mark): in Japanese text, mostly foreign names. */
export const KATAKANA_RUN = /[\u30a1-\u30fa\u30fc]+/g;
export const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/;

export function katakanaToLatin(run: string): string {
  let out = '';
  for (const char of run.normalize('NFC')) out += KANA.get(char) ?? '';
  return out;
}
