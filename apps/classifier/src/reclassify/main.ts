/**
 * npm run reclassify [-- --all] [--batch=200]: replays articles whose enrichment was made by an
 * older classifier (or is missing; every article with --all) through the current one.
 */
import { parseEnv } from '#config';
import { createDataSource } from '#database';
import { createKafka, EventProducer } from '#messaging';
import { JsonLogger } from '#observability';
import { CLASSIFIER_VERSION, createClassifier } from '../classify/classifier.js';
import { ArticleEnricher } from '../consumer/article-enricher.js';
import { EnrichmentStore } from '../consumer/enrichment-store.js';
import { classifierEnvSchema } from '../env.js';
import { parseArgs } from './args.js';
import { ProgressLine } from './progress.js';
import { reclassifyArticles } from './reclassify.js';

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const env = parseEnv(classifierEnvSchema);
  const logger = new JsonLogger('classifier-reclassify', env.LOG_LEVEL);
  const dataSource = createDataSource({
    url: env.DATABASE_URL,
    poolSize: 2,
    applicationName: 'reclassify',
  });
  await dataSource.initialize();
  const kafka = createKafka({
    brokers: env.KAFKA_BROKERS,
    clientId: 'newsfeed-reclassify',
    logger,
  });
  const producer = new EventProducer(kafka, {
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    source: '/newsfeed/classifier',
  });
  await producer.connect();
  try {
    const enricher = new ArticleEnricher(
      await createClassifier(),
      new EnrichmentStore(dataSource),
      env.STORY_WINDOW_HOURS,
    );
    const progress = new ProgressLine();
    const summary = await reclassifyArticles(
      {
        db: dataSource,
        enricher,
        publisher: producer,
        onProgress: (done, total, failed, final) => progress.update(done, total, failed, final),
        onFailure: (articleId, reason) =>
          logger.warn('article not reclassified', { articleId, reason }),
      },
      { all: options.all, classifierVersion: CLASSIFIER_VERSION, batchSize: options.batchSize },
    );
    console.log(JSON.stringify({ classifierVersion: CLASSIFIER_VERSION, ...summary }));
    if (summary.failed > 0) process.exitCode = 1;
  } finally {
    await producer.disconnect();
    await dataSource.destroy();
  }
}

try {
  await main();
} catch (error) {
  console.error(`reclassify: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
