import { runService } from '#platform';
import { AppModule } from './app.module.js';
import { ingestorEnvSchema } from './env.js';

await runService({
  service: 'ingestor',
  envSchema: ingestorEnvSchema,
  rootModule: AppModule.forEnv,
});
