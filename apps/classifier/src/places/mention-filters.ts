/**
 * Place names that name no place where they stand: inside a newer or larger place's name the
 * index does not know (Nova York, New Mexico, Northern Ireland), or inside a person's or an
 * organisation's name (Vladimir Putin).
 */
import type { PlaceMention } from './places.js';

/** "New" in the names of places named after older ones (Nova York is not York, England). */
const NEW = new Set(
  (
    'New Nova Novo Nueva Nuevo Nouvelle Nouveau Nuova Nuovo Neu Neue Nieuw Nieuwe Ny Nya Nye ' +
    'Nowy Nowa Nowe Nový Nová Nové Новый Новая Новое Нова Нови Yeni Uusi Új'
  ).split(' '),
);
/** Points of the compass before a country name a part of it (Northern Ireland is not Ireland). */
const COMPASS = new Set(
  'North South East West Northern Southern Eastern Western Upper Lower'.split(' '),
);
const WORD_BEFORE = /(\p{Lu}[\p{L}\p{M}]*) $/u;
/** ...or after it: Irlanda del Norte, Irlande du Nord, Irlanda do Norte. */
const COMPASS_AFTER = /^ (?:del|du|do|de|of the) (?:Norte|Nord|Sud|Sur|Sul|North|South)\b/u;

/** A place named inside another place's name that the index does not know (New Mexico). */
export function inAnotherPlaceName(mention: PlaceMention, text: string): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, mention.start - 20), mention.start))?.[1];
  if (before && NEW.has(before)) return true;
  if (!mention.places.every((p) => p.kind === 'country')) return false;
  if (before && COMPASS.has(before)) return true;
  return COMPASS_AFTER.test(text.slice(mention.end, mention.end + 20));
}

/** Whether a longer name's span holds the mention (Vladimir in Vladimir Putin). */
export function holds(name: { start: number; end: number }, mention: PlaceMention): boolean {
  const longer = name.end - name.start > mention.end - mention.start;
  return longer && name.start <= mention.start && mention.end <= name.end;
}
