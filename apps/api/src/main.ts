import { runService } from '#platform';
import { AppModule } from './app.module.js';
import { apiEnvSchema } from './env.js';

await runService({ service: 'api', envSchema: apiEnvSchema, rootModule: AppModule.forEnv });
