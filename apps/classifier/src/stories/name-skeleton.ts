import { CASELESS_SCRIPT, caselessToLatin } from './caseless-scripts.js';

/** Letter:romanisation pairs of the scripts whose names are compared with Latin ones. */
const ROMANISATIONS = [
  // Cyrillic: Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Kazakh, Kyrgyz, Tajik
  'а:a б:b в:v г:g ґ:g ғ:g д:d е:e ё:e є:e ә:a ж:zh з:z и:i і:i ї:i й:i ј:j к:k қ:k л:l љ:lj',
  'м:m н:n ң:n њ:nj о:o ө:o п:p р:r с:s т:t ћ:c ђ:dj у:u ў:u ұ:u ү:u ф:f х:kh һ:h ц:ts ч:ch',
  'џ:dz ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya',
  // Greek
  'α:a β:v γ:g δ:d ε:e ζ:z η:i θ:th ι:i κ:k λ:l μ:m ν:n ξ:x ο:o π:p ρ:r σ:s ς:s τ:t υ:i',
  'φ:f χ:kh ψ:ps ω:o',
  // Georgian
  'ა:a ბ:b გ:g დ:d ე:e ვ:v ზ:z თ:t ი:i კ:k ლ:l მ:m ნ:n ო:o პ:p ჟ:zh რ:r ს:s ტ:t უ:u ფ:f',
  'ქ:k ღ:gh ყ:q შ:sh ჩ:ch ც:ts ძ:dz წ:ts ჭ:ch ხ:kh ჯ:j ჰ:h',
  // Armenian
  'ա:a բ:b գ:g դ:d ե:e զ:z է:e ը:e թ:t ժ:zh ի:i լ:l խ:kh ծ:ts կ:k հ:h ձ:dz ղ:gh ճ:ch մ:m',
  'յ:y ն:n շ:sh ո:o չ:ch պ:p ջ:j ռ:r ս:s վ:v տ:t ր:r ց:ts ւ:u փ:p ք:k օ:o ֆ:f և:ev',
];
const TO_LATIN = new Map(
  ROMANISATIONS.join(' ')
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Spellings of one sound across the languages' romanisations, folded to one letter. */
const SOUNDS: [RegExp, string][] = [
  [/t?sch|tch/g, 'sh'],
  [/kh|ch/g, 'h'],
  [/dzh|dj|dz|zh/g, 'j'],
  [/g(?=[ei])/g, 'j'],
  [/ph/g, 'f'],
  [/f/g, 'v'],
  [/w/g, 'v'],
  [/[cq]/g, 'k'],
  [/x/g, 'ks'],
  [/z/g, 's'],
];

/** Below this many letters a skeleton says too little to tell two names apart. */
const MIN_LETTERS = 4;

/**
 * A name as its consonants sound, in Latin letters, so one person or place written in Latin,
 * Cyrillic, Greek, Georgian or Armenian script gives one key (Schumacher = Шумахер → "shmhr", Felipe Massa =
 * Феліпэ Масу → "flp ms"): lower case, accents and vowels dropped except a word's first letter,
 * letters doubled once. Undefined for other scripts, and for names too short to be told apart.
 */
export function nameSkeleton(name: string): string | undefined {
  let latin = latinLetters(name);
  if (latin === undefined) return undefined;
  for (const [sound, letter] of SOUNDS) latin = latin.replace(sound, letter);
  const words = latin
    .split(/[\s'’.-]+/)
    .filter(Boolean)
    .map((word) =>
      (word[0]!.replace(/[aeiou]/, 'a') + word.slice(1).replace(/[aeiouy]/g, '')).replace(
        /(.)\1+/g,
        '$1',
      ),
    );
  const skeleton = words.join(' ');
  return skeleton.replace(/ /g, '').length >= MIN_LETTERS ? skeleton : undefined;
}

/**
 * A name in lower-case Latin letters, accents dropped and Cyrillic, Greek, Georgian and Armenian
 * transliterated (Конамі → konami); undefined for other scripts.
 */
function latinLetters(name: string): string | undefined {
  const decomposed = armenianU(name.toLowerCase().normalize('NFD'));
  const spelled = CASELESS_SCRIPT.test(decomposed) ? caselessToLatin(decomposed) : decomposed;
  let latin = '';
  for (const char of spelled.replace(/\p{M}/gu, '')) {
    latin += TO_LATIN.get(char) ?? char;
  }
  return /[^a-z\s'’.-]/.test(latin) ? undefined : latin;
}

/**
 * Armenian writes u as ու, and w as ու before a vowel at a word's start (Ուայթհոլ: Whitehall):
 * one letter each, ւ (u) and վ (v), not the o and u of its two letters.
 */
function armenianU(name: string): string {
  if (!name.includes('ու')) return name;
  return name.replace(/(^|[^\p{L}])ու(?=[աեէըիոօ])/gu, '$1վ').replace(/ու/g, 'ւ');
}

/**
 * How a story compares entity names: their skeleton; for a name too short for one, its Latin
 * letters, vowels kept (Конамі and Konami are both "konami"); else the name in lower case.
 */
export function entityAnchor(name: string): string {
  return (
    nameSkeleton(name) ?? latinLetters(name)?.trim().replace(/\s+/g, ' ') ?? name.toLowerCase()
  );
}

/** Marks a rough skeleton (roughSkeleton) among the exact ones a text's words give. */
export const ROUGH = '~';

/**
 * A skeleton as Japanese and Korean spell foreign names: one liquid (r for l), one labial (b for
 * f, v and p), n for ng, no final r (シューマッハ: Schumacher).
 */
export function roughSkeleton(skeleton: string): string {
  let rough = roughSkeletons.get(skeleton);
  if (rough !== undefined) return rough;
  rough = roughen(skeleton);
  if (roughSkeletons.size >= ROUGH_REMEMBERED) roughSkeletons.clear();
  roughSkeletons.set(skeleton, rough);
  return rough;
}

/** Names recur from article to article: their rough skeletons are remembered. */
const roughSkeletons = new Map<string, string>();
const ROUGH_REMEMBERED = 50_000;

function roughen(skeleton: string): string {
  return skeleton
    .replace(/l/g, 'r')
    .replace(/[fvp]/g, 'b')
    .replace(/ng/g, 'n')
    .replace(/(?<=.{3})r$/, '')
    .replace(/(.)\1+/g, '$1');
}
