import { randomBytes } from 'node:crypto';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { SearchService } from '../search/search.service.js';
import type { SearchParams } from '../saved-searches/saved-searches.repository.js';
import { AddressGuard, refuseTarget } from './target.js';
import { WEBHOOK_ENV, type WebhookEnv } from './webhook-env.js';
import { WebhooksRepository, type Subscription } from './webhooks.repository.js';

export interface CreateSubscription {
  url: string;
  filter?: SearchParams;
  savedSearchId?: string;
  secret?: string;
}

/** Subscriptions: validated filter, SSRF-checked target, a secret shown once. */
@Injectable()
export class WebhooksService {
  private readonly guard: AddressGuard;

  constructor(
    readonly repository: WebhooksRepository,
    private readonly search: SearchService,
    @Inject(WEBHOOK_ENV) env: WebhookEnv,
  ) {
    this.guard = new AddressGuard(env.WEBHOOK_ALLOW_CIDRS);
  }

  async create(input: CreateSubscription): Promise<Subscription & { secret: string }> {
    const filter = input.filter ?? {};
    if (!input.savedSearchId) this.search.parse(filter);
    await this.checkTarget(input.url);
    const secret = input.secret ?? `whsec_${randomBytes(32).toString('base64url')}`;
    const created = await this.repository.create({
      url: input.url,
      secret,
      filter,
      savedSearchId: input.savedSearchId ?? null,
    });
    return { ...created, secret };
  }

  async update(
    id: string,
    changes: { url?: string; filter?: SearchParams; status?: 'active' | 'paused' },
  ): Promise<Subscription> {
    if (changes.filter) this.search.parse(changes.filter);
    if (changes.url) await this.checkTarget(changes.url);
    const updated = await this.repository.update(id, changes);
    if (!updated) throw new NotFoundException(`webhook ${id} does not exist`);
    return updated;
  }

  private async checkTarget(url: string): Promise<void> {
    const refusal = await refuseTarget(url, this.guard);
    if (refusal) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'target_refused',
        parameter: 'url',
        message: [`url: ${refusal}`],
      });
    }
  }
}
