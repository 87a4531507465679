import { z } from 'zod';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './signing/index.js';

const schema = z.object({
  /** CIDRs webhook targets may use although not globally routable (like FETCH_ALLOW_CIDRS). */
  WEBHOOK_ALLOW_CIDRS: z.string().default(''),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(DEFAULT_RETRY_POLICY.maxAttempts),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(DEFAULT_RETRY_POLICY.baseDelayMs),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_RETRY_POLICY.disableAfterFailedDeliveries),
  WEBHOOK_DISABLE_AFTER_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_RETRY_POLICY.disableAfterFailingForMs),
  /** Shared by every api replica (each delivery is made once); namespaced by the topic prefix. */
  WEBHOOK_GROUP_ID: z.string().min(1).default('newsfeed-api-webhooks'),
});

export type WebhookEnv = z.infer<typeof schema>;
export const WEBHOOK_ENV = Symbol('WEBHOOK_ENV');

export function webhookEnv(source: NodeJS.ProcessEnv = process.env): WebhookEnv {
  return schema.parse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
}

export function retryPolicyOf(env: WebhookEnv): RetryPolicy {
  return {
    ...DEFAULT_RETRY_POLICY,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    baseDelayMs: env.WEBHOOK_RETRY_BASE_MS,
    disableAfterFailedDeliveries: env.WEBHOOK_DISABLE_AFTER_FAILURES,
    disableAfterFailingForMs: env.WEBHOOK_DISABLE_AFTER_MS,
  };
}
