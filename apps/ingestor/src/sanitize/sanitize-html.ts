import { Parser } from 'htmlparser2';
import {
  ALLOWED_ATTRIBUTES,
  DROPPED_WITH_CONTENT,
  IFRAME_SANDBOX,
  SRCSET_ATTRIBUTES,
  TRUSTED_IFRAME_HOSTS,
  URL_ATTRIBUTES,
  VOID_ELEMENTS,
} from './html-policy.js';
import { HTML_PARSER_OPTIONS } from './html-to-text.js';

/**
 * Returns HTML that is safe to show: allow-listed elements and attributes only, no script or
 * style, no event handlers, no `javascript:`/`data:` URLs, relative URLs made absolute, iframes
 * only from trusted players (sandboxed), links opened without referrer, tracking pixels dropped.
 */
export function sanitizeHtml(html: string, baseUrl?: string): string {
  const writer = new SafeHtmlWriter(baseUrl);
  new Parser(writer, HTML_PARSER_OPTIONS).end(html);
  return writer.result();
}

interface OpenElement {
  readonly name: string;
  /** The start tag was written, so the end tag must be too. */
  readonly emitted: boolean;
  /** The element is removed with everything inside it. */
  readonly dropped: boolean;
}

/** htmlparser2 handler that writes the safe version of a document. */
export class SafeHtmlWriter {
  private out = '';
  private readonly stack: OpenElement[] = [];
  private droppedDepth = 0;

  constructor(private readonly baseUrl: string | undefined) {}

  onopentag(name: string, attributes: Record<string, string>): void {
    const allowed = ALLOWED_ATTRIBUTES.get(name);
    if (this.droppedDepth > 0 || DROPPED_WITH_CONTENT.has(name))
      return this.push(name, false, true);
    if (!allowed) return this.push(name, false, false); // unknown element: keep its content only
    const kept = this.keptAttributes(name, attributes, allowed);
    if (kept === undefined) return this.push(name, false, true);
    this.out += `<${name}${kept}>`;
    this.push(name, true, false);
  }

  ontext(text: string): void {
    if (this.droppedDepth === 0) this.out += escapeText(text);
  }

  onclosetag(name: string): void {
    if (!this.stack.some((element) => element.name === name)) return;
    let element: OpenElement | undefined;
    do {
      element = this.stack.pop()!;
      this.close(element);
    } while (element.name !== name);
  }

  result(): string {
    while (this.stack.length > 0) this.close(this.stack.pop()!);
    return this.out;
  }

  private push(name: string, emitted: boolean, dropped: boolean): void {
    if (dropped) this.droppedDepth++;
    this.stack.push({ name, emitted, dropped });
  }

  private close(element: OpenElement): void {
    if (element.dropped) this.droppedDepth--;
    if (element.emitted && !VOID_ELEMENTS.has(element.name)) this.out += `</${element.name}>`;
  }

  /** Serialised safe attributes, or undefined when the element itself must go. */
  private keptAttributes(
    name: string,
    attributes: Record<string, string>,
    allowed: ReadonlySet<string>,
  ): string | undefined {
    let out = '';
    for (const [key, raw] of Object.entries(attributes)) {
      if (!allowed.has(key)) continue;
      const value = this.safeValue(key, raw);
      if (value !== undefined)
        out +=
          value === '' && !URL_ATTRIBUTES.has(key)
            ? ` ${key}`
            : ` ${key}="${escapeAttribute(value)}"`;
    }
    return this.finishElement(name, attributes, out);
  }

  private safeValue(key: string, raw: string): string | undefined {
    if (URL_ATTRIBUTES.has(key)) return safeUrl(raw, this.baseUrl);
    if (SRCSET_ATTRIBUTES.has(key)) return safeSrcset(raw, this.baseUrl);
    return raw;
  }

  private finishElement(
    name: string,
    attributes: Record<string, string>,
    kept: string,
  ): string | undefined {
    switch (name) {
      case 'a':
        return `${kept} rel="noopener noreferrer nofollow" target="_blank"`;
      case 'img':
        if (!kept.includes(' src=') && !kept.includes(' srcset=')) return undefined;
        return isTrackingPixel(attributes) ? undefined : `${kept} loading="lazy"`;
      case 'iframe':
        return isTrustedIframe(attributes['src'], this.baseUrl)
          ? `${kept} sandbox="${IFRAME_SANDBOX}" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"`
          : undefined;
      default:
        return kept;
    }
  }
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Resolves and vets a URL; anything but http(s)/mailto (javascript:, data:, vbscript:…) is refused. */
export function safeUrl(raw: string, baseUrl: string | undefined): string | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  if (trimmed.startsWith('#')) return trimmed;
  try {
    const url = new URL(trimmed, baseUrl);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function safeSrcset(raw: string, baseUrl: string | undefined): string | undefined {
  const candidates = raw
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/))
    .map(([url, descriptor]) => {
      const safe = url ? safeUrl(url, baseUrl) : undefined;
      return safe ? (descriptor ? `${safe} ${descriptor}` : safe) : undefined;
    })
    .filter((candidate) => candidate !== undefined);
  return candidates.length > 0 ? candidates.join(', ') : undefined;
}

function isTrustedIframe(src: string | undefined, baseUrl: string | undefined): boolean {
  const url = src ? safeUrl(src, baseUrl) : undefined;
  if (!url) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && TRUSTED_IFRAME_HOSTS.has(parsed.hostname);
}

function isTrackingPixel(attributes: Record<string, string>): boolean {
  return attributes['width']?.trim() === '1' && attributes['height']?.trim() === '1';
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) =>
    char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;',
  );
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
