export interface InputRecord {
  id: string;
  title: string;
  text: string;
  feedLanguage?: string;
  categories?: string[];
}

/**
 * JSON lines of {id,title,text[,feedLanguage,categories]} when every non-empty line parses as an object; otherwise the whole
 * file is one plain-text article whose first line is its title.
 */
export function parseInput(content: string, fallbackId: string): InputRecord[] {
  const lines = content.split(/\r?\n/).filter((l) => l.trim());
  const records = lines.map(parseJsonLine);
  if (lines.length > 0 && records.every((r) => r !== undefined)) {
    return records.map((r, i) => normalize(r as Record<string, unknown>, `${fallbackId}:${i + 1}`));
  }
  const [first = '', ...rest] = content.split(/\r?\n/);
  return [{ id: fallbackId, title: first.trim(), text: rest.join('\n').trim() }];
}

function parseJsonLine(line: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function normalize(r: Record<string, unknown>, fallbackId: string): InputRecord {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : fallbackId;
  const feedLanguage = str(r.feedLanguage ?? r.language) || undefined;
  const categories = (Array.isArray(r.categories) ? r.categories : [r.categories]).filter(
    (c): c is string => typeof c === 'string' && c.trim() !== '',
  );
  return {
    id,
    title: str(r.title),
    text: str(r.text ?? r.content ?? r.body),
    feedLanguage,
    ...(categories.length ? { categories } : {}),
  };
}
