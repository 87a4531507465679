import { commonEnvSchema, parseEnv } from '#config';
import { migrate } from '../prepare.js';

async function main(): Promise<void> {
  const env = parseEnv(commonEnvSchema);
  const applied = await migrate(env.DATABASE_URL);
  const summary = applied.length > 0 ? `applied ${applied.join(', ')}` : 'schema is up to date';
  console.log(JSON.stringify({ level: 'info', service: 'migrate', msg: summary }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
