import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '#config';
import { NameLookup } from './names.js';

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

/** A place with the names it goes by in many languages. */
type Named<T> = T & { names?: readonly string[] };

/** A person or organisation as search documents store it, with its aliases in many languages. */
export interface EntityAliases {
  canonical: string;
  aliases: readonly string[];
}

interface PlacesFile {
  countries: { code: string; name: string; names?: string[] }[];
  cities: { id: number; name: string; country: string; names?: string[] }[];
}

interface EntitiesFile {
  entities: EntityAliases[];
}

/**
 * The classifier's vocabularies (IPTC Media Topics, countries, GeoNames cities, the entity alias
 * table), read-only.
 */
export class Taxonomy {
  readonly topicCodes: ReadonlySet<string>;
  readonly cityCodes: ReadonlySet<string>;
  readonly countries: readonly CountryView[];
  readonly cities: readonly CityView[];
  private readonly topicLabels: ReadonlyMap<string, string>;
  private readonly placeNames: ReadonlyMap<string, string>;
  private readonly countriesByName = new NameLookup();
  private readonly citiesByName = new NameLookup();
  private readonly entitiesByAlias = new NameLookup();

  constructor(
    readonly topics: readonly TopicView[],
    countries: readonly Named<CountryView>[],
    cities: readonly Named<CityView>[],
    entities: readonly EntityAliases[] = [],
  ) {
    this.countries = countries.map(({ code, name }) => ({ code, name }));
    this.cities = cities.map(({ code, name, country }) => ({ code, name, country }));
    this.topicCodes = new Set(topics.map((t) => t.code));
    this.cityCodes = new Set(cities.map((c) => c.code));
    this.topicLabels = new Map(topics.map((t) => [t.code, t.label]));
    this.placeNames = new Map([...countries, ...cities].map((p) => [p.code, p.name]));
    for (const c of countries) this.countriesByName.add(c.code, [c.name, ...(c.names ?? [])]);
    for (const c of cities) this.citiesByName.add(c.code, [c.name, ...(c.names ?? [])]);
    for (const e of entities) this.entitiesByAlias.add(e.canonical, [e.canonical, ...e.aliases]);
  }

  /**
   * Reads `apps/classifier/models/{iptc-media-topics,places,entities}.json` under the repository
   * root.
   */
  static load(modelsDir = join(repoRoot(), 'apps', 'classifier', 'models')): Taxonomy {
    const read = <T>(name: string) => JSON.parse(readFileSync(join(modelsDir, name), 'utf8')) as T;
    const taxonomy = read<TaxonomyFile>('iptc-media-topics.json');
    const places = read<PlacesFile>('places.json');
    const entities = read<EntitiesFile>('entities.json');
    const medtop = (code: string) => `medtop:${code}`;
    return new Taxonomy(
      taxonomy.topics.map((t) => ({
        code: medtop(t.code),
        label: t.label,
        parent: t.parent === null ? null : medtop(t.parent),
        level: t.level,
      })),
      places.countries,
      places.cities.map((c) => ({
        code: `geonames:${c.id}`,
        name: c.name,
        country: c.country,
        names: c.names,
      })),
      entities.entities,
    );
  }

  topicLabel(code: string): string {
    return this.topicLabels.get(code) ?? code;
  }

  placeName(code: string): string {
    return this.placeNames.get(code) ?? code;
  }

  /**
   * The places a name in any language stands for: the country it names (Kazakhstan, Казахстан),
   * or else every city of that name (Córdoba in Argentina and in Spain). Empty when none.
   */
  placesNamed(name: string): readonly string[] {
    const countries = this.countriesByName.find(name);
    return countries.length ? countries : this.citiesByName.find(name);
  }

  /**
   * The canonical names search documents store for an entity known by this name or alias
   * (Токаев → Kassym-Jomart Tokayev, ОДКБ → CSTO). Empty when the alias table does not know it.
   */
  entitiesNamed(name: string): readonly string[] {
    return this.entitiesByAlias.find(name);
  }
}
