import { Module } from '@nestjs/common';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyController } from './taxonomy.controller.js';

@Module({
  controllers: [TaxonomyController],
  providers: [{ provide: Taxonomy, useFactory: () => Taxonomy.load() }],
  exports: [Taxonomy],
})
export class TaxonomyModule {}
