import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIB_DIR, type SibRow } from './sib.js';

interface IptcTopic {
  code: string;
  name: string;
  definition: string;
  parent: string | null;
  retired: string | null;
}

/** The most specific IPTC ancestor that corresponds to a SIB-200 category. */
const IPTC_TO_SIB: Record<string, string> = {
  '20000746': 'geography',
  '20000563': 'travel',
  '01000000': 'entertainment',
  '07000000': 'health',
  '11000000': 'politics',
  '13000000': 'science/technology',
  '15000000': 'sports',
};

/** IPTC Media Topic names and definitions (English) as weak training sentences per category. */
export function iptcExamples(labels: string[]): SibRow[] {
  const file = join(SIB_DIR, '..', 'iptc-media-topics', 'media-topics.json');
  if (!existsSync(file)) throw new Error(`no ${file}`);
  const topics = JSON.parse(readFileSync(file, 'utf8')) as IptcTopic[];
  const byCode = new Map(topics.map((t) => [t.code, t]));
  const rows: SibRow[] = [];
  for (const topic of topics) {
    if (topic.retired) continue;
    let category: string | undefined;
    for (let t: IptcTopic | undefined = topic; t && !category; t = byCode.get(t.parent ?? '')) {
      category = IPTC_TO_SIB[t.code];
    }
    if (!category || !labels.includes(category)) continue;
    const text = `${topic.name[0].toUpperCase()}${topic.name.slice(1)}: ${topic.definition}`;
    rows.push({ id: -1, category, text, folder: 'iptc', language: 'en' });
  }
  return rows;
}
