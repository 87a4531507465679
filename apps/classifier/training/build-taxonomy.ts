/**
 * Copies the IPTC Media Topics subset the product needs (all top-level subjects, their level-2
 * children and the narrower codes the classifier emits, with their ancestors) into
 * apps/classifier/models/iptc-media-topics.json, with attribution.
 *   npx tsx apps/classifier/training/build-taxonomy.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../src/model/paths.js';
import { SIB_TO_IPTC, type MediaTopic } from '../src/topics/taxonomy.js';

const SOURCE =
  process.env.IPTC_MEDIA_TOPICS ?? '/work/shared/datasets/iptc-media-topics/media-topics.json';

interface SourceTopic {
  code: string;
  name: string;
  parent: string | null;
  level: number;
  retired: string | null;
}

const all = JSON.parse(readFileSync(SOURCE, 'utf8')) as SourceTopic[];
const byCode = new Map(all.map((t) => [t.code, t]));
const wanted = new Set<string>();
for (const t of all) if (!t.retired && t.level <= 2) wanted.add(t.code);
for (const { narrow } of Object.values(SIB_TO_IPTC)) {
  for (let code = narrow ?? null; code; code = byCode.get(code)?.parent ?? null) wanted.add(code);
}
const topics: MediaTopic[] = all
  .filter((t) => wanted.has(t.code))
  .map((t) => ({ code: t.code, label: t.name, parent: t.parent, level: t.level }));
const out = {
  attribution:
    'IPTC NewsCodes Media Topics (schema 2023-10-24), CC BY 4.0, iptc.org; extracted via ' +
    'TajaKuzman/IPTC-Media-Topic-Classification (data/iptc_mapping.json, BSD-2-Clause), commit c1a538d.',
  licence: 'CC-BY-4.0',
  topics,
};
writeFileSync(join(modelsDir(), 'iptc-media-topics.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`${topics.length} topics written`);
