import type { FeedEntry, FeedImage, FeedPerson, ParsedFeed } from '../types.js';
import { parseFeedDate } from '../dates/parse-feed-date.js';
import { absolutizeHtml, firstImageInHtml, resolveUrl, uniqueNonEmpty } from '../feed-values.js';
import {
  childNamed,
  childrenNamed,
  innerXml,
  innerXmlEscaped,
  nsKey,
  textContent,
  type NsKey,
} from '../xml/xml-query.js';
import type { XmlElement } from '../xml/xml-tree.js';
import { atomPeople, compact, itunesImage, mediaEnclosures, mediaImage } from './extensions.js';
import { atomLinks, dedupePeople, linkHref } from './rss.js';

const ATOM_03 = 'http://purl.org/atom/ns#';

/** Atom 1.0 and 0.3. Elements are read in the feed's own namespace (Atom, or none at all). */
export function readAtom(feed: XmlElement): ParsedFeed {
  const ns = nsKey(feed) === 'atom' ? 'atom' : '';
  const version = feed.ns === ATOM_03 ? '0.3' : feed.attrs['version']?.trim() || '1.0';
  const links = linksOf(feed, ns);
  const authors = atomPeople(feed, ns, 'author');
  return compact({
    format: 'atom',
    version,
    title: textConstruct(childNamed(feed, ns, 'title')),
    description: textConstruct(childNamed(feed, ns, 'subtitle') ?? childNamed(feed, ns, 'tagline')),
    link: alternateLink(links),
    links: uniqueNonEmpty(links.map((link) => link.href)),
    feedUrl: links.find((link) => link.rel === 'self')?.href,
    language: feed.lang,
    copyright: textConstruct(childNamed(feed, ns, 'rights') ?? childNamed(feed, ns, 'copyright')),
    generator: generatorOf(childNamed(feed, ns, 'generator')),
    updated: parseFeedDate(dateText(feed, ns, ['updated', 'modified'])),
    published: parseFeedDate(dateText(feed, ns, ['published', 'issued'])),
    authors: dedupePeople(authors),
    categories: categoriesOf(feed, ns),
    image: feedImage(feed, ns),
    schedule: { skipHours: [], skipDays: [] },
    entries: childrenNamed(feed, ns, 'entry').map((entry) =>
      readEntry(entry, ns, feed.base ?? alternateLink(links)),
    ),
  });
}

interface Link {
  readonly href: string;
  readonly rel: string;
  readonly type?: string;
  readonly length?: number;
}

function linksOf(element: XmlElement, ns: NsKey, fallbackBase?: string): Link[] {
  if (ns === 'atom') return atomLinks(element, fallbackBase);
  return childrenNamed(element, '', 'link').flatMap((link) => {
    const href = linkHref(link, fallbackBase);
    return href
      ? [compact({ href, rel: link.attrs['rel']?.trim() || 'alternate', type: link.attrs['type'] })]
      : [];
  });
}

function alternateLink(links: readonly Link[]): string | undefined {
  const alternates = links.filter((link) => link.rel === 'alternate');
  const html = alternates.find((link) => !link.type || /html/i.test(link.type));
  return (html ?? alternates[0])?.href;
}

/**
 * Reads an Atom text construct: text, html, xhtml (inline markup), 0.3 base64 and escaped modes,
 * and non-text MIME types (base64 per RFC 4287). Relative URLs in markup are made absolute
 * against the construct's xml:base.
 */
export function textConstruct(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const type = element.attrs['type']?.trim().toLowerCase() ?? 'text';
  const mode = element.attrs['mode']?.trim().toLowerCase();
  let value: string;
  if (mode === 'base64' || isBinaryMediaType(type)) value = decodeBase64(textContent(element));
  else if (type === 'xhtml' || /[/+]xml$/.test(type)) value = xhtmlBody(element);
  else value = innerXml(element);
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (type === 'text' || type === 'text/plain' || !element.explicitBase) return trimmed;
  return absolutizeHtml(trimmed, element.base);
}

/** Media types whose content is base64 (RFC 4287 §4.1.3.3); unknown ones are read as text. */
const BINARY_MEDIA_TYPE =
  /^(?:image|audio|video|font|model)\/|^application\/(?:octet-stream|pdf|zip|gzip|x-tar|msword|vnd\.)/;

function isBinaryMediaType(type: string): boolean {
  return BINARY_MEDIA_TYPE.test(type);
}

function xhtmlBody(element: XmlElement): string {
  const elements = element.children.filter((child) => typeof child !== 'string');
  const onlyDiv = elements.length === 1 && elements[0]!.local === 'div' ? elements[0] : undefined;
  return innerXmlEscaped(onlyDiv ?? element);
}

/** "Name v1.2 http://uri", as gofeed and most readers show it. */
function generatorOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const name = textContent(element).trim();
  const version = element.attrs['version']?.trim();
  const uri = (element.attrs['uri'] ?? element.attrs['url'])?.trim();
  const parts = [name, version ? `v${version}` : '', uri ?? ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function decodeBase64(text: string): string {
  return Buffer.from(text.trim(), 'base64').toString('utf8');
}

function dateText(element: XmlElement, ns: NsKey, names: readonly string[]): string | undefined {
  for (const name of names) {
    const found = childNamed(element, ns, name);
    if (found) return textContent(found).trim();
  }
  return undefined;
}

function categoriesOf(element: XmlElement, ns: NsKey): string[] {
  return uniqueNonEmpty(
    childrenNamed(element, ns, 'category').map(
      (category) => category.attrs['label'] ?? category.attrs['term'] ?? textContent(category),
    ),
  );
}

function feedImage(feed: XmlElement, ns: NsKey): FeedImage | undefined {
  const logo = childNamed(feed, ns, 'logo') ?? childNamed(feed, ns, 'icon');
  const url = logo && resolveUrl(textContent(logo), logo.base);
  return url ? { url } : (itunesImage(feed) ?? mediaImage(feed));
}

function readEntry(entry: XmlElement, ns: NsKey, fallbackBase: string | undefined): FeedEntry {
  const links = linksOf(entry, ns, fallbackBase);
  const media = mediaEnclosures(entry);
  const contentElement = childNamed(entry, ns, 'content');
  const content = contentElement?.attrs['src'] ? undefined : textConstruct(contentElement);
  const summary = textConstruct(childNamed(entry, ns, 'summary'));
  const enclosures = [
    ...links
      .filter((link) => link.rel === 'enclosure')
      .map((link) => compact({ url: link.href, type: link.type, length: link.length })),
    ...media,
  ];
  const imageUrl = firstImageInHtml(content ?? summary, contentElement?.base ?? entry.base);
  const authors: FeedPerson[] = atomPeople(entry, ns, 'author');
  const updated = parseFeedDate(dateText(entry, ns, ['updated', 'modified']));
  const idElement = childNamed(entry, ns, 'id');
  return compact({
    guid: idElement && resolveUrl(textContent(idElement), idElement.base),
    title: textConstruct(childNamed(entry, ns, 'title')),
    link: alternateLink(links) ?? resolveUrl(contentElement?.attrs['src'], contentElement?.base),
    links: uniqueNonEmpty(
      links.filter((link) => link.rel !== 'enclosure').map((link) => link.href),
    ),
    // An entry with only an update time was first published then, as far as anyone can tell.
    published: parseFeedDate(dateText(entry, ns, ['published', 'issued', 'created'])) ?? updated,
    updated,
    authors: dedupePeople(authors),
    categories: categoriesOf(entry, ns),
    summary,
    content,
    enclosures,
    image:
      mediaImage(entry, media) ?? itunesImage(entry) ?? (imageUrl ? { url: imageUrl } : undefined),
    language: entry.lang,
    baseUrl: contentElement?.base ?? entry.base ?? fallbackBase,
  });
}
