import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { JsonLogger } from '#observability';
import { LOGGER } from '#platform';
import {
  nextStep,
  recordDelivery,
  shouldDisable,
  signWebhook,
  SIGNATURE_HEADER,
  type RetryPolicy,
} from './signing/index.js';
import { AddressGuard, sendWebhook } from './target.js';
import { retryPolicyOf, WEBHOOK_ENV, type WebhookEnv } from './webhook-env.js';
import { WebhooksRepository, type ClaimedDelivery } from './webhooks.repository.js';

const BATCH = 20;

/**
 * Sends queued deliveries: signed, through the SSRF guard, retried with backoff per the policy,
 * logged; a subscription that keeps failing (or answers 410) is disabled.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly guard: AddressGuard;
  private readonly policy: RetryPolicy;
  private readonly log: JsonLogger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly repository: WebhooksRepository,
    @Inject(WEBHOOK_ENV) private readonly env: WebhookEnv,
    @Inject(LOGGER) logger: JsonLogger,
  ) {
    this.guard = new AddressGuard(env.WEBHOOK_ALLOW_CIDRS);
    this.policy = retryPolicyOf(env);
    this.log = logger.child({ component: 'webhook-delivery' });
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let claimed: ClaimedDelivery[] = [];
    try {
      claimed = await this.repository.claimDue(BATCH, this.env.WEBHOOK_TIMEOUT_MS + 30_000);
      await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    } catch (error) {
      this.log.warn('delivery round failed', { error: String(error) });
    }
    this.schedule(claimed.length === BATCH ? 0 : this.env.WEBHOOK_POLL_MS);
  }

  async deliver(delivery: ClaimedDelivery): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    const result = await sendWebhook({
      url: delivery.url,
      body,
      guard: this.guard,
      timeoutMs: this.env.WEBHOOK_TIMEOUT_MS,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'newsfeed-webhooks/1',
        'newsfeed-delivery': delivery.id,
        'newsfeed-event': 'article.indexed',
        [SIGNATURE_HEADER.toLowerCase()]: signWebhook(delivery.secret, body),
      },
    });
    const now = new Date();
    const step = nextStep(delivery.attempts, result, now, this.policy);
    const attempt = {
      httpStatus: result.status,
      error: result.error,
      durationMs: result.durationMs,
    };
    if (step.action === 'retry') {
      await this.repository.recordAttempt(delivery.id, {
        ...attempt,
        status: 'pending',
        nextAttemptAt: step.at,
      });
      return;
    }
    const succeeded = step.action === 'done';
    await this.repository.recordAttempt(delivery.id, {
      ...attempt,
      status: succeeded ? 'delivered' : 'failed',
    });
    const health = recordDelivery(
      {
        consecutiveFailedDeliveries: delivery.consecutiveFailedDeliveries,
        lastSuccessAt: new Date(delivery.lastSuccessAt),
      },
      succeeded,
      now,
    );
    const disableReason =
      step.action === 'disable'
        ? 'the target answered 410 Gone'
        : !succeeded && shouldDisable(health, now, this.policy)
          ? `${health.consecutiveFailedDeliveries} deliveries in a row failed`
          : undefined;
    await this.repository.recordHealth(delivery.subscriptionId, {
      succeeded,
      consecutiveFailedDeliveries: health.consecutiveFailedDeliveries,
      disableReason,
    });
    if (disableReason)
      this.log.warn('subscription disabled', {
        subscription: delivery.subscriptionId,
        reason: disableReason,
      });
  }
}
