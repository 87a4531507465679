import type { FeedEnclosure, FeedImage, FeedPerson } from '../types.js';
import { parsePerson, positiveInteger, resolveUrl, uniqueNonEmpty } from '../feed-values.js';
import {
  childNamed,
  childrenNamed,
  firstValue,
  textContent,
  type NsKey,
} from '../xml/xml-query.js';
import type { XmlElement } from '../xml/xml-tree.js';

/** Media RSS, iTunes, Dublin Core and Atom-in-RSS readers shared by the RSS and Atom readers. */

export function mediaEnclosures(element: XmlElement): FeedEnclosure[] {
  const enclosures: FeedEnclosure[] = [];
  addMediaContents(enclosures, childrenNamed(element, 'media', 'content'));
  for (const group of childrenNamed(element, 'media', 'group'))
    addMediaContents(enclosures, childrenNamed(group, 'media', 'content'));
  return enclosures;
}

function addMediaContents(enclosures: FeedEnclosure[], contents: readonly XmlElement[]): void {
  for (const content of contents) {
    const url = resolveUrl(content.attrs['url'], content.base);
    if (!url) continue;
    enclosures.push(
      compact({
        url,
        type: content.attrs['type'],
        length: positiveInteger(content.attrs['fileSize']),
        medium: content.attrs['medium'],
      }),
    );
  }
}

/** `media` saves reading the element's Media RSS enclosures again when the caller has them. */
export function mediaImage(
  element: XmlElement,
  media?: readonly FeedEnclosure[],
): FeedImage | undefined {
  const thumbnail =
    childNamed(element, 'media', 'thumbnail') ??
    childrenNamed(element, 'media', 'group')
      .map((group) => childNamed(group, 'media', 'thumbnail'))
      .find(Boolean);
  const url = resolveUrl(thumbnail?.attrs['url'], thumbnail?.base);
  if (url) return { url };
  const image = (media ?? mediaEnclosures(element)).find(
    (enclosure) => enclosure.medium === 'image' || enclosure.type?.startsWith('image/'),
  );
  return image ? { url: image.url } : undefined;
}

export function itunesImage(element: XmlElement): FeedImage | undefined {
  const image = childNamed(element, 'itunes', 'image');
  const url = resolveUrl(image?.attrs['href'] ?? (image && textContent(image)), image?.base);
  return url ? { url } : undefined;
}

/** dc:creator, and the non-standard but common dc:author. */
export function dublinCoreCreators(element: XmlElement): FeedPerson[] {
  const creators = childrenNamed(element, 'dc', 'creator');
  const authors = childrenNamed(element, 'dc', 'author');
  if (creators.length === 0 && authors.length === 0) return [];
  return uniqueNonEmpty([...creators, ...authors].map(textContent))
    .map(parsePerson)
    .filter((person) => person !== undefined);
}

export function itunesCategories(element: XmlElement, names: string[] = []): string[] {
  for (const category of childrenNamed(element, 'itunes', 'category')) {
    if (category.attrs['text']) names.push(category.attrs['text']);
    itunesCategories(category, names);
  }
  return names;
}

export function atomPeople(element: XmlElement, ns: NsKey, tag: string): FeedPerson[] {
  const people = childrenNamed(element, ns, tag);
  if (people.length === 0) return [];
  return people
    .map((person) =>
      compact({
        name: firstValue(person, [[ns, 'name']]),
        email: firstValue(person, [[ns, 'email']]),
        uri: resolveUrl(
          firstValue(person, [
            [ns, 'uri'],
            [ns, 'url'],
            [ns, 'homepage'],
          ]),
          person.base,
        ),
      }),
    )
    .filter((person) => person.name || person.email || person.uri);
}

/** Drops undefined properties so objects compare and serialise cleanly. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key in source) if (source[key] !== undefined) out[key] = source[key];
  return out as T;
}
