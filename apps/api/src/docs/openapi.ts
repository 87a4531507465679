/** OpenAPI 3.1 description of the search and delivery endpoints, written by hand. */
const filterParams = [
  'q',
  'lang',
  'topic',
  'place',
  'entity',
  'feed',
  'since',
  'until',
  'sort',
  'collapse',
  'limit',
  'cursor',
];

const PARAM_DOCS: Record<string, { description: string; schema: Record<string, unknown> }> = {
  q: {
    description: 'Web-search syntax: words, "phrases", OR, -exclusion, parentheses; any language',
    schema: { type: 'string', maxLength: 512 },
  },
  lang: {
    description:
      'ISO 639-1 or 639-3 codes or names of languages (French, français, русский), comma-separated or repeated; `und` for articles of undetermined language; `no` also matches `nb` and `nn`',
    schema: { type: 'string' },
  },
  topic: {
    description: 'IPTC Media Topic codes (GET /topics), e.g. medtop:11000000',
    schema: { type: 'string' },
  },
  place: {
    description:
      'ISO 3166-1 country codes, geonames:<id> (GET /places), or country and city names in any language (Kazakhstan, Алматы)',
    schema: { type: 'string' },
  },
  entity: {
    description:
      'Named entities: canonical names or aliases in any language of known ones (Токаев, ОДКБ), or names as found in the text',
    schema: { type: 'string' },
  },
  feed: { description: 'Feed ids (UUID)', schema: { type: 'string' } },
  since: { description: 'Date or RFC 3339 date-time, inclusive', schema: { type: 'string' } },
  until: {
    description: 'Date (whole day included) or RFC 3339 date-time, exclusive',
    schema: { type: 'string' },
  },
  sort: {
    description: 'relevance (default with q) or newest',
    schema: { type: 'string', enum: ['relevance', 'newest'] },
  },
  collapse: {
    description: 'story: one result per story with its source count',
    schema: { type: 'string', enum: ['story'] },
  },
  limit: {
    description: 'Page size, 1 to 100',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
  cursor: { description: 'nextCursor of the previous page', schema: { type: 'string' } },
};

const queryParams = (names: string[]) =>
  names.map((name) => ({ name, in: 'query', required: false, ...PARAM_DOCS[name] }));
const idParam = (what: string) => [
  {
    name: 'id',
    in: 'path',
    required: true,
    description: `${what} id`,
    schema: { type: 'string', format: 'uuid' },
  },
];
const json = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const badRequest = { 400: { $ref: '#/components/responses/BadRequest' } };
const notFound = { 404: { description: 'Not found' } };
const feedFormats = {
  'application/rss+xml': {},
  'application/atom+xml': {},
  'application/feed+json': {},
};
const feedResponses = {
  200: {
    description: 'RSS 2.0, Atom 1.0 or JSON Feed 1.1',
    content: feedFormats,
    headers: {
      ETag: { schema: { type: 'string' } },
      'Last-Modified': { schema: { type: 'string' } },
    },
  },
  304: { description: 'Not modified (If-None-Match / If-Modified-Since)' },
  ...badRequest,
};
const sse = {
  200: {
    description:
      'text/event-stream of `article` events; ids resume with Last-Event-ID (the replay re-reads the 5 s before it, so an article may arrive twice, never not at all)',
    content: { 'text/event-stream': {} },
  },
  ...badRequest,
};
const lastEventId = [
  { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
];
const webhookBody = {
  type: 'object',
  required: ['url'],
  properties: {
    url: {
      type: 'string',
      format: 'uri',
      description: 'Must pass the SSRF guard (WEBHOOK_ALLOW_CIDRS)',
    },
    filter: { type: 'object', description: 'GET /search parameters', additionalProperties: true },
    secret: { type: 'string', minLength: 16, description: 'Generated when absent; returned once' },
  },
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'newsfeed API',
    version: '0.1.0',
    description:
      'Multilingual search over news articles, output feeds, a live stream and signed webhooks. ' +
      'Webhook deliveries carry `Newsfeed-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.',
  },
  paths: {
    '/search': {
      get: {
        summary: 'Search articles',
        parameters: [
          ...queryParams(filterParams),
          { name: 'facets', in: 'query', schema: { type: 'boolean', default: true } },
        ],
        responses: {
          200: json('A page of results with highlights, facets and nextCursor', {
            $ref: '#/components/schemas/SearchPage',
          }),
          ...badRequest,
        },
      },
    },
    '/articles/{id}': {
      get: {
        summary: 'An article with enrichment and versions',
        parameters: idParam('Article'),
        responses: { 200: json('Article'), ...badRequest, ...notFound },
      },
    },
    '/stories/{id}': {
      get: {
        summary: 'All sources of a story, across languages',
        parameters: idParam('Story'),
        responses: { 200: json('Story'), ...badRequest, ...notFound },
      },
    },
    '/topics': { get: { summary: 'IPTC Media Topics', responses: { 200: json('Topics') } } },
    '/places': { get: { summary: 'Countries and cities', responses: { 200: json('Places') } } },
    '/feeds/out/{format}': {
      get: {
        summary: 'Any search as a feed (newest first)',
        parameters: [
          {
            name: 'format',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['rss', 'atom', 'json'] },
          },
          ...queryParams(filterParams),
        ],
        responses: feedResponses,
      },
    },
    '/feeds/out/topic/{file}': {
      get: {
        summary: "A topic's feed, e.g. medtop:11000000.atom",
        parameters: [
          {
            name: 'file',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[\\w:.-]+\\.(rss|atom|json)$' },
          },
        ],
        responses: feedResponses,
      },
    },
    '/stream': {
      get: {
        summary: 'Live stream (Server-Sent Events)',
        parameters: [...queryParams(filterParams.slice(0, 8)), ...lastEventId],
        responses: sse,
      },
    },
    '/webhooks': {
      get: { summary: 'List subscriptions', responses: { 200: json('Subscriptions') } },
      post: {
        summary: 'Subscribe a URL',
        requestBody: { required: true, content: { 'application/json': { schema: webhookBody } } },
        responses: { 201: json('Subscription with its secret'), ...badRequest },
      },
    },
    '/webhooks/{id}': {
      get: {
        summary: 'A subscription',
        parameters: idParam('Subscription'),
        responses: { 200: json('Subscription'), ...notFound },
      },
      patch: {
        summary: 'Change URL or filter, pause or re-activate',
        parameters: idParam('Subscription'),
        responses: { 200: json('Subscription'), ...badRequest, ...notFound },
      },
      delete: {
        summary: 'Unsubscribe',
        parameters: idParam('Subscription'),
        responses: { 204: { description: 'Deleted' }, ...notFound },
      },
    },
    '/webhooks/{id}/deliveries': {
      get: {
        summary: 'Delivery log',
        parameters: idParam('Subscription'),
        responses: { 200: json('Deliveries') },
      },
    },
    '/saved-searches': {
      get: { summary: 'List saved searches', responses: { 200: json('Saved searches') } },
      post: {
        summary: 'Save a named query',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name', 'query'],
                properties: { name: { type: 'string' }, query: { type: 'object' } },
              },
            },
          },
        },
        responses: { 201: json('Saved search'), ...badRequest },
      },
    },
    '/saved-searches/{id}': {
      get: {
        summary: 'A saved search',
        parameters: idParam('Saved search'),
        responses: { 200: json('Saved search'), ...notFound },
      },
      patch: {
        summary: 'Rename or change the query',
        parameters: idParam('Saved search'),
        responses: { 200: json('Saved search'), ...badRequest, ...notFound },
      },
      delete: {
        summary: 'Delete (and its webhooks)',
        parameters: idParam('Saved search'),
        responses: { 204: { description: 'Deleted' }, ...notFound },
      },
    },
    '/saved-searches/{id}/results': {
      get: {
        summary: 'Run it',
        parameters: [...idParam('Saved search'), ...queryParams(['limit', 'cursor'])],
        responses: { 200: json('Search page'), ...badRequest },
      },
    },
    '/saved-searches/{id}/feed.{format}': {
      get: {
        summary: 'Its output feed',
        parameters: [
          ...idParam('Saved search'),
          {
            name: 'format',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['rss', 'atom', 'json'] },
          },
        ],
        responses: feedResponses,
      },
    },
    '/saved-searches/{id}/stream': {
      get: {
        summary: 'Its live stream',
        parameters: [...idParam('Saved search'), ...lastEventId],
        responses: sse,
      },
    },
    '/saved-searches/{id}/webhooks': {
      get: {
        summary: 'Its webhooks',
        parameters: idParam('Saved search'),
        responses: { 200: json('Subscriptions') },
      },
      post: {
        summary: 'Subscribe a URL to it',
        parameters: idParam('Saved search'),
        responses: { 201: json('Subscription with its secret'), ...badRequest },
      },
    },
  },
  components: {
    responses: {
      BadRequest: json('Invalid input, with the parameter at fault', {
        type: 'object',
        properties: {
          statusCode: { const: 400 },
          error: { type: 'string' },
          code: { type: 'string' },
          parameter: { type: 'string' },
          message: { type: 'array', items: { type: 'string' } },
        },
      }),
    },
    schemas: {
      SearchPage: {
        type: 'object',
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/SearchItem' } },
          nextCursor: { type: ['string', 'null'] },
          facets: {
            type: 'object',
            description:
              'languages, topics, places, feeds: [{value, label?, count}] over the newest 500 matches ' +
              '(a ranked page: the candidates it ranked); counted, and sampled when more matched',
          },
        },
      },
      SearchItem: {
        type: 'object',
        required: ['id', 'title', 'url', 'summary', 'language', 'feedId', 'publishedAt', 'rank'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          version: { type: 'integer' },
          title: { type: 'string' },
          url: { type: ['string', 'null'] },
          summary: { type: 'string' },
          language: { type: 'string' },
          feedId: { type: 'string', format: 'uuid' },
          publishedAt: { type: 'string', format: 'date-time' },
          indexedAt: { type: 'string', format: 'date-time' },
          rank: { type: 'number' },
          storyId: { type: ['string', 'null'] },
          topics: { type: 'array', items: { type: 'string' } },
          places: { type: 'array', items: { type: 'string' } },
          entities: { type: 'array', items: { type: 'string' } },
          highlights: {
            type: 'object',
            properties: { title: { type: 'string' }, summary: { type: 'string' } },
          },
          story: {
            type: 'object',
            properties: {
              id: { type: ['string', 'null'] },
              matches: { type: 'integer' },
              articles: { type: 'integer' },
              sources: { type: 'integer' },
              languages: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;
