import { runService } from '#platform';
import { AppModule } from './app.module.js';
import { classifierEnvSchema } from './env.js';

await runService({
  service: 'classifier',
  envSchema: classifierEnvSchema,
  rootModule: AppModule.forEnv,
});
