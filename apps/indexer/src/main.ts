import { runService } from '#platform';
import { AppModule } from './app.module.js';
import { indexerEnvSchema } from './env.js';

await runService({ service: 'indexer', envSchema: indexerEnvSchema, rootModule: AppModule.forEnv });
