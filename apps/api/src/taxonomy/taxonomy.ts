import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '#config';

export interface TopicView {
  /** `medtop:` + the IPTC code, as in search documents and the `topic` filter. */
  code: string;
  label: string;
  parent: string | null;
  level: number;
}

export interface CountryView {
  code: string;
  name: string;
}

export interface CityView {
  /** `geonames:<id>`, as in search documents and the `place` filter. */
  code: string;
  name: string;
  country: string;
}

interface TaxonomyFile {
  topics: { code: string; label: string; parent: string | null; level: number }[];
}

interface PlacesFile {
  countries: { code: string; name: string }[];
  cities: { id: number; name: string; country: string }[];
}

/** The classifier's vocabularies (IPTC Media Topics, countries, GeoNames cities), read-only. */
export class Taxonomy {
  readonly topicCodes: ReadonlySet<string>;
  readonly cityCodes: ReadonlySet<string>;
  private readonly topicLabels: ReadonlyMap<string, string>;
  private readonly placeNames: ReadonlyMap<string, string>;

  constructor(
    readonly topics: readonly TopicView[],
    readonly countries: readonly CountryView[],
    readonly cities: readonly CityView[],
  ) {
    this.topicCodes = new Set(topics.map((t) => t.code));
    this.cityCodes = new Set(cities.map((c) => c.code));
    this.topicLabels = new Map(topics.map((t) => [t.code, t.label]));
    this.placeNames = new Map([...countries, ...cities].map((p) => [p.code, p.name]));
  }

  /** Reads `apps/classifier/models/{iptc-media-topics,places}.json` under the repository root. */
  static load(modelsDir = join(repoRoot(), 'apps', 'classifier', 'models')): Taxonomy {
    const read = <T>(name: string) => JSON.parse(readFileSync(join(modelsDir, name), 'utf8')) as T;
    const taxonomy = read<TaxonomyFile>('iptc-media-topics.json');
    const places = read<PlacesFile>('places.json');
    const medtop = (code: string) => `medtop:${code}`;
    return new Taxonomy(
      taxonomy.topics.map((t) => ({
        code: medtop(t.code),
        label: t.label,
        parent: t.parent === null ? null : medtop(t.parent),
        level: t.level,
      })),
      places.countries.map((c) => ({ code: c.code, name: c.name })),
      places.cities.map((c) => ({ code: `geonames:${c.id}`, name: c.name, country: c.country })),
    );
  }

  topicLabel(code: string): string {
    return this.topicLabels.get(code) ?? code;
  }

  placeName(code: string): string {
    return this.placeNames.get(code) ?? code;
  }
}
