import { Controller, Get, Header } from '@nestjs/common';
import { OPENAPI_DOCUMENT } from './openapi.js';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>newsfeed API</title></head>
<body><h1>newsfeed API</h1><p>OpenAPI 3.1: <a href="/docs/openapi.json">/docs/openapi.json</a></p>
<ul id="paths"></ul><script>
fetch('/docs/openapi.json').then((r) => r.json()).then((doc) => {
  const list = document.getElementById('paths');
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
    const li = document.createElement('li');
    li.textContent = method.toUpperCase() + ' ' + path + ' — ' + op.summary;
    list.appendChild(li);
  }
});
</script></body></html>`;

/** Hand-written OpenAPI (our validation is in pure parsers, not DTO classes swagger could read). */
@Controller('docs')
export class DocsController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('openapi.json')
  openapi(): typeof OPENAPI_DOCUMENT {
    return OPENAPI_DOCUMENT;
  }
}
