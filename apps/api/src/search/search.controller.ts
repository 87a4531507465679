import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { SearchInputError, type RawParams } from './query/index.js';
import { SearchInputFilter } from './search-errors.js';
import { SearchService, type SearchPage } from './search.service.js';

function facetsWanted(value: unknown): boolean {
  if (value === undefined || value === '' || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new SearchInputError('facets', 'invalid_parameter', 'facets must be true or false');
}

@Controller('search')
@UseFilters(SearchInputFilter)
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /**
   * Web-search syntax in any language, filters, relevance with a recency boost (newest first
   * without q or with sort=newest), highlights, facets (first page) and cursor pagination.
   */
  @Get()
  async find(@Query() query: RawParams): Promise<SearchPage> {
    const { facets, ...params } = query;
    const request = this.search.parse(params);
    return this.search.page(request, { facets: facetsWanted(facets) });
  }
}
