import type { RedirectHop } from '#net';

const PERMANENT = new Set([301, 308]);

/**
 * Where a feed permanently moved, judged from one fetch: only when EVERY hop was 301/308.
 * A single 302/307/303 anywhere in the chain means the publisher may move it back.
 */
export function permanentTarget(redirects: readonly RedirectHop[]): string | undefined {
  if (redirects.length === 0) return undefined;
  if (!redirects.every((hop) => PERMANENT.has(hop.status))) return undefined;
  return redirects.at(-1)!.to;
}

/** What the feed row remembers between fetches about a possible move (two nullable columns). */
export interface MoveState {
  /** The permanent target seen on the last fetches. */
  readonly candidateUrl?: string;
  /** How many consecutive fetches redirected permanently to `candidateUrl`. */
  readonly streak: number;
}

export interface MoveDecision {
  readonly state: MoveState;
  /** Set when the stored feed URL should now become this URL (then reset the state). */
  readonly moveTo?: string;
}

export const DEFAULT_MOVE_THRESHOLD = 3;

/**
 * Stores a new URL only after `threshold` consecutive fetches all permanently redirected to the
 * same target; a temporary redirect, no redirect or a different target resets the count.
 * Call it after every successful fetch (2xx or 304) with that fetch's redirect chain.
 */
export function observeRedirects(
  state: MoveState,
  redirects: readonly RedirectHop[],
  threshold = DEFAULT_MOVE_THRESHOLD,
): MoveDecision {
  const target = permanentTarget(redirects);
  if (!target) return { state: { streak: 0 } };
  const streak = target === state.candidateUrl ? state.streak + 1 : 1;
  if (streak >= threshold) return { state: { streak: 0 }, moveTo: target };
  return { state: { candidateUrl: target, streak } };
}

/**
 * A move the publisher declares in the document (`itunes:new-feed-url`): the new URL when it is a
 * valid http(s) URL different from the current one. The fetch of the new URL is SSRF-checked as
 * usual, so a hostile value can at worst point the feed at another public URL.
 */
export function declaredMove(
  currentUrl: string,
  newFeedUrl: string | undefined,
): string | undefined {
  if (!newFeedUrl) return undefined;
  let target: URL;
  try {
    target = new URL(newFeedUrl.trim(), currentUrl);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
  target.hash = '';
  let current: string;
  try {
    current = new URL(currentUrl).href.replace(/#.*$/, '');
  } catch {
    current = currentUrl;
  }
  return target.href === current ? undefined : target.href;
}
