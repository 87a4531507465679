import { Module } from '@nestjs/common';
import { FeedsController } from './feeds.controller.js';
import { FeedsRepository } from './feeds.repository.js';

@Module({ controllers: [FeedsController], providers: [FeedsRepository] })
export class FeedsModule {}
