/** Locales whose names of languages a `lang` filter also takes, besides each language's own. */
const NAME_LOCALES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'ru', 'zh', 'ja', 'ar'];

let codeByName: Map<string, string> | undefined;

/** ISO 639-1 codes ICU has names for (about 190). */
function languageCodes(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      if (names.of(code) !== undefined) codes.push(code);
    }
  }
  return codes;
}

/**
 * The ISO 639-1 code of a language named in one of NAME_LOCALES or in itself, any case:
 * "French", "français", "Französisch", "русский", "日本語". Built on first use (≈ 20 ms).
 */
export function languageCodeOfName(name: string): string | undefined {
  if (!codeByName) {
    codeByName = new Map();
    const codes = languageCodes();
    for (const locale of NAME_LOCALES) {
      const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      for (const code of codes) {
        const named = names.of(code)?.toLocaleLowerCase(locale);
        if (named && !codeByName.has(named)) codeByName.set(named, code);
      }
    }
    for (const code of codes) {
      const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
      const named = own?.toLocaleLowerCase(code);
      if (named && !codeByName.has(named)) codeByName.set(named, code);
    }
  }
  return codeByName.get(name.trim().toLocaleLowerCase());
}
