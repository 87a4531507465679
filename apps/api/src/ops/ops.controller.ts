import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { ALL_TOPICS } from '#contracts';
import { parseRequest } from '../common/zod-query.js';
import { DASHBOARD_HTML } from './dashboard.html.js';
import { DeadLettersService, type DeadLetterView } from './dead-letters.service.js';
import { OpsSummaryService, type OpsSummary } from './ops-summary.service.js';

const listQuery = z.object({
  topic: z.string().max(300).optional(),
  pending: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500, 'at most 500').default(50),
});
const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/, 'a dead-letter id') });
const replayQuery = z.object({
  topic: z
    .string()
    .refine((topic) => ALL_TOPICS.some((known) => topic.endsWith(known)), 'a known topic'),
  limit: z.coerce.number().int().min(1).max(1000, 'at most 1000').default(100),
});

/** Feed health, throughput, consumer lag and dead letters (with replay) for operators. */
@Controller('ops')
export class OpsController {
  constructor(
    private readonly summaries: OpsSummaryService,
    private readonly deadLetters: DeadLettersService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  dashboard(): string {
    return DASHBOARD_HTML;
  }

  @Get('summary')
  summary(): Promise<OpsSummary> {
    return this.summaries.summary();
  }

  @Get('dead-letters')
  async list(@Query() query: Record<string, unknown>): Promise<{ items: DeadLetterView[] }> {
    const { topic, pending, limit } = parseRequest(listQuery, query);
    return { items: await this.deadLetters.list({ topic, pending: pending === 'true', limit }) };
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  async replayPending(@Query() query: Record<string, unknown>): Promise<{ replayed: number }> {
    const { topic, limit } = parseRequest(replayQuery, query);
    return { replayed: await this.deadLetters.replayPending(topic, limit) };
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  replay(@Param() params: Record<string, string>): Promise<DeadLetterView> {
    return this.deadLetters.replay(parseRequest(idParam, params).id);
  }
}
