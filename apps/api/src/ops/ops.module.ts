import { Module } from '@nestjs/common';
import { DeadLetterCollector } from './dead-letter-collector.js';
import { DeadLettersService } from './dead-letters.service.js';
import { OpsController } from './ops.controller.js';
import { OpsSummaryService } from './ops-summary.service.js';

@Module({
  controllers: [OpsController],
  providers: [DeadLetterCollector, DeadLettersService, OpsSummaryService],
})
export class OpsModule {}
