import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { AddressGuard } from '#net';
import { FetchError } from '#net';
import {
  checkLiteralHost,
  createGuardedLookup,
  hostOf,
  parseFeedUrl,
  resolveChecked,
  systemResolver,
  type Resolver,
} from '#net';
import { parseRetryAfter, type AttemptOutcome } from './signing/index.js';

export { AddressGuard };

/** Why a target URL is refused, in a sentence for a 400; undefined when it is acceptable. */
export async function refuseTarget(
  raw: string,
  guard: AddressGuard,
  resolver: Resolver = systemResolver,
): Promise<string | undefined> {
  try {
    const url = parseFeedUrl(raw);
    if (url.username || url.password) return 'the URL must not contain credentials';
    await resolveChecked(hostOf(url), guard, resolver);
    return undefined;
  } catch (error) {
    if (error instanceof FetchError) return error.message;
    throw error;
  }
}

export interface SendResult extends AttemptOutcome {
  error?: string;
  durationMs: number;
}

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  guard: AddressGuard;
  timeoutMs: number;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one delivery. The connection goes through the same SSRF guard as feed fetches (checked
 * and pinned DNS answers, IP literals checked too); redirects are not followed.
 */
export function sendWebhook(request: WebhookRequest): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const done = (result: Omit<SendResult, 'durationMs'>) =>
      resolve({ ...result, durationMs: elapsed() });
    let url: URL;
    try {
      url = parseFeedUrl(request.url);
      checkLiteralHost(hostOf(url), request.guard);
    } catch (error) {
      done({ error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        lookup: createGuardedLookup({ guard: request.guard }),
        timeout: request.timeoutMs,
      },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_RESPONSE_BYTES) response.destroy();
        });
        const finish = () =>
          done({
            status: response.statusCode,
            retryAfterMs: parseRetryAfter(response.headers['retry-after'], new Date()),
          });
        response.on('end', finish);
        response.on('close', finish);
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`no answer within ${request.timeoutMs} ms`)),
    );
    outgoing.on('error', (error) => done({ error: error.message }));
    outgoing.end(request.body);
  });
}
