import { Module } from '@nestjs/common';
import { FeedsController } from './feeds.controller.js';
import { FeedsRepository } from './feeds.repository.js';
import { SearchModule } from '../search/search.module.js';

@Module({ imports: [SearchModule], controllers: [FeedsController], providers: [FeedsRepository] })
export class FeedsModule {}
