/** An entry after sanitising and dedup-key computation: what the store persists. */
export interface NormalisedArticle {
  guid: string | null;
  url: string | null;
  canonicalUrl: string | null;
  /** SHA-256 of the canonical URL (tracking parameters stripped first). */
  canonicalUrlHash: string | null;
  /** SHA-256 of the normalised title and text: equal for exact duplicates across feeds. */
  contentFingerprint: string;
  /** SHA-256 of everything a reader sees: a change makes a new version. */
  contentHash: string;
  title: string;
  summary: string;
  contentHtml: string;
  contentText: string;
  author: string | null;
  categories: string[];
  publishedAt: Date | null;
}
