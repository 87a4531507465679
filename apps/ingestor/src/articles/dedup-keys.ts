import { createHash } from 'node:crypto';

// Interim keys until dedup/ lands; replaced by its canonical-url and fingerprint modules.
export function canonicalUrlOf(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$)/.test(name)) parsed.searchParams.delete(name);
  }
  return parsed.toString();
}

export function contentFingerprintOf(title: string, text: string): string {
  const normalised = `${title}\n${text}`.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex');
}
