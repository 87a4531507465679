import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Newsfeed-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type Body = string | Buffer | Uint8Array;

function hmacHex(secret: string, timestamp: number, body: Body): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (Stripe's scheme). Several secrets
 * give several v1 entries, so a subscriber can rotate its secret without missing a delivery.
 */
export function signWebhook(
  secrets: string | readonly string[],
  body: Body,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  if (list.length === 0 || list.some((s) => s.length === 0))
    throw new Error('webhook secret is empty');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new Error('timestamp must be unix seconds');
  return [`t=${timestamp}`, ...list.map((secret) => `v1=${hmacHex(secret, timestamp, body)}`)].join(
    ',',
  );
}

export type VerifyResult =
  | { ok: true; timestamp: number }
  | {
      ok: false;
      reason: 'malformed_header' | 'timestamp_out_of_tolerance' | 'no_matching_signature';
    };

export interface VerifyOptions {
  /** Seconds either side of now; replays older than this are refused. */
  toleranceSeconds?: number;
  nowSeconds?: number;
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

function equalHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks a signature header against the raw request body (the exact bytes: re-serialised JSON
 * will not match). Constant-time comparison; unknown schemes (v0, v2…) are ignored.
 */
export function verifyWebhook(
  secrets: string | readonly string[],
  header: string | undefined,
  body: Body,
  options: VerifyOptions = {},
): VerifyResult {
  const parsed = header ? parseHeader(header) : undefined;
  if (!parsed) return { ok: false, reason: 'malformed_header' };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - parsed.timestamp) > tolerance)
    return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  const expected = list.map((secret) => hmacHex(secret, parsed.timestamp, body));
  // Compare every pair (no early exit) so timing does not reveal which one matched.
  let match = false;
  for (const candidate of expected) {
    for (const given of parsed.signatures) match = equalHex(candidate, given) || match;
  }
  return match
    ? { ok: true, timestamp: parsed.timestamp }
    : { ok: false, reason: 'no_matching_signature' };
}
