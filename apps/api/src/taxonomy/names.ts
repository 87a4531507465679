/** How a name is compared: Unicode-normalised, case-folded, inner spaces collapsed. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim().replace(/\s+/gu, ' ');
}

/** Values known by names in many languages: every name (folded) leads to the values it names. */
export class NameLookup {
  private readonly values = new Map<string, string[]>();

  add(value: string, names: Iterable<string>): void {
    for (const name of names) {
      const key = foldName(name);
      if (!key) continue;
      const known = this.values.get(key);
      if (!known) this.values.set(key, [value]);
      else if (!known.includes(value)) known.push(value);
    }
  }

  find(name: string): readonly string[] {
    return this.values.get(foldName(name)) ?? [];
  }
}
