import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  metricsRegistry,
  runHealthChecks,
  type HealthIndicator,
  type JsonLogger,
} from '#observability';
import { HEALTH_INDICATORS, LOGGER } from './tokens.js';

@Controller()
export class HealthController {
  constructor(
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[],
  ) {}

  /** 200 when every dependency answers, 503 with the failing ones otherwise. */
  @Get('health')
  async health(@Res() response: Response): Promise<void> {
    const report = await runHealthChecks(this.logger.service, this.indicators);
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  /**
   * Liveness only: the process answers. A database or broker outage must make the service
   * unready (`/health`), not get it restarted in a loop.
   */
  @Get('health/live')
  live(): { status: 'ok'; service: string } {
    return { status: 'ok', service: this.logger.service };
  }
}

@Controller()
export class MetricsController {
  constructor(@Inject(LOGGER) private readonly logger: JsonLogger) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return metricsRegistry(this.logger.service).metrics();
  }
}
