import {
  Global,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Kafka } from 'kafkajs';
import type { CommonEnv } from '#config';
import { createDataSource } from '#database';
import { createKafka, EventProducer } from '#messaging';
import { JsonLogger, type HealthIndicator } from '#observability';
import { HealthController, MetricsController } from './http-endpoints.js';
import { ENV, HEALTH_INDICATORS, KAFKA, LOGGER } from './tokens.js';

export interface RuntimeOptions {
  service: string;
  env: CommonEnv;
  logger: JsonLogger;
  /** Services that only consume or only serve HTTP may skip the producer. */
  producer?: boolean;
}

/** Closes the database after every consumer stopped (consumers stop in beforeApplicationShutdown). */
@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Everything a newsfeed service runs on: validated env, JSON logger, the TypeORM data source,
 * Kafka with the contract-checking producer, `/health` and `/metrics`.
 */
@Global()
@Module({})
export class RuntimeModule {
  static forService(options: RuntimeOptions): DynamicModule {
    const { service, env, logger } = options;
    return {
      module: RuntimeModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ENV, useValue: env },
        { provide: LOGGER, useValue: logger },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource({
              url: env.DATABASE_URL,
              applicationName: service,
            });
            return dataSource.initialize();
          },
        },
        {
          provide: KAFKA,
          useFactory: () => createKafka({ brokers: env.KAFKA_BROKERS, clientId: service, logger }),
        },
        {
          provide: EventProducer,
          inject: [KAFKA],
          useFactory: async (kafka: Kafka) => {
            const producer = new EventProducer(kafka, {
              topicPrefix: env.KAFKA_TOPIC_PREFIX,
              source: `/newsfeed/${service}`,
            });
            if (options.producer !== false) await producer.connect();
            return producer;
          },
        },
        {
          provide: HEALTH_INDICATORS,
          inject: [DataSource, KAFKA],
          useFactory: (dataSource: DataSource, kafka: Kafka): HealthIndicator[] => [
            { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) },
            kafkaIndicator(kafka),
          ],
        },
        ConnectionCloser,
      ],
      exports: [ENV, LOGGER, DataSource, KAFKA, EventProducer, HEALTH_INDICATORS],
    };
  }
}

function kafkaIndicator(kafka: Kafka): HealthIndicator {
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  return {
    name: 'kafka',
    async check() {
      connected ??= admin.connect().catch((error: unknown) => {
        connected = undefined;
        throw error;
      });
      await connected;
      await admin.describeCluster();
    },
  };
}
