import { Controller, Get } from '@nestjs/common';
import { Taxonomy, type CityView, type CountryView, type TopicView } from './taxonomy.js';

@Controller()
export class TaxonomyController {
  constructor(private readonly taxonomy: Taxonomy) {}

  /** IPTC Media Topics the classifier assigns (the `topic` filter's values). */
  @Get('topics')
  topics(): { items: readonly TopicView[] } {
    return { items: this.taxonomy.topics };
  }

  /** Countries (ISO 3166-1) and cities (`geonames:<id>`): the `place` filter's values. */
  @Get('places')
  places(): { countries: readonly CountryView[]; cities: readonly CityView[] } {
    return { countries: this.taxonomy.countries, cities: this.taxonomy.cities };
  }
}
