import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { z } from 'zod';
import { InvalidEnvironmentError, parseEnv, type CommonEnv } from '#config';
import { checkDatabaseReady, DatabaseUnavailableError } from '#database';
import { checkKafkaReachable, createKafka, ensureTopics, KafkaUnavailableError } from '#messaging';
import { JsonLogger, NestJsonLogger } from '#observability';

export interface ServiceDefinition<S extends z.ZodType<CommonEnv & { PORT: number }>> {
  service: string;
  envSchema: S;
  rootModule: (env: z.infer<S>, logger: JsonLogger) => DynamicModule;
}

/** Problems a person can fix: printed as one line, exit code 1, no stack trace. */
function isOperatorError(error: unknown): error is Error {
  return (
    error instanceof InvalidEnvironmentError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof KafkaUnavailableError
  );
}

async function checkDependencies(env: CommonEnv, logger: JsonLogger): Promise<void> {
  await checkDatabaseReady(env.DATABASE_URL);
  const kafka = createKafka({ brokers: env.KAFKA_BROKERS, clientId: 'startup-check', logger });
  await checkKafkaReachable(kafka, env.KAFKA_BROKERS);
  await ensureTopics(kafka, { prefix: env.KAFKA_TOPIC_PREFIX, partitions: env.KAFKA_PARTITIONS });
}

/** Validates env, checks PostgreSQL and Kafka, then starts the Nest app with graceful shutdown. */
export async function runService<S extends z.ZodType<CommonEnv & { PORT: number }>>(
  definition: ServiceDefinition<S>,
): Promise<INestApplication | undefined> {
  try {
    const env = parseEnv(definition.envSchema);
    const logger = new JsonLogger(definition.service, env.LOG_LEVEL);
    await checkDependencies(env, logger);
    const app = await NestFactory.create(definition.rootModule(env, logger), {
      logger: new NestJsonLogger(logger),
    });
    app.enableShutdownHooks();
    await app.listen(env.PORT, env.HOST);
    logger.info('listening', { url: `http://${env.HOST}:${env.PORT}` });
    return app;
  } catch (error) {
    if (isOperatorError(error)) {
      process.stderr.write(`${definition.service}: ${error.message}\n`);
    } else {
      process.stderr.write(`${definition.service}: failed to start: ${String(error)}\n`);
      if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
    process.exit(1);
  }
}
