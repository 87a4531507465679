import type { Kafka } from 'kafkajs';
import { ALL_TOPICS, deadLetterTopicOf, qualifiedTopic } from '#contracts';

/** Raised when no broker answers; its message says how to start one. */
export class KafkaUnavailableError extends Error {}

export function allTopicNames(prefix: string): string[] {
  return ALL_TOPICS.flatMap((topic) => [
    qualifiedTopic(prefix, topic),
    qualifiedTopic(prefix, deadLetterTopicOf(topic)),
  ]);
}

/** Answers within `timeoutMs` with the cluster's broker count, or throws one clear line. */
export async function checkKafkaReachable(
  kafka: Kafka,
  brokers: string[],
  timeoutMs = 5000,
): Promise<number> {
  const admin = kafka.admin({ retry: { retries: 1, initialRetryTime: 200 } });
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = admin.connect().then(() => admin.describeCluster());
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const cluster = await Promise.race([answer, timeout]);
    return cluster.brokers.length;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KafkaUnavailableError(
      `Kafka is not reachable at ${brokers.join(',')} (${reason}). Start it with ` +
        `"npm run kafka -- start" or point KAFKA_BROKERS at a running cluster.`,
    );
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}

/** Creates every contract topic and its dead-letter topic that does not exist yet. */
export async function ensureTopics(
  kafka: Kafka,
  options: { prefix: string; partitions: number; replicationFactor?: number },
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopicNames(options.prefix).filter((topic) => !existing.has(topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: topic.endsWith('.dlq') ? 1 : options.partitions,
        replicationFactor: options.replicationFactor ?? 1,
      })),
    });
    return missing;
  } finally {
    await admin.disconnect();
  }
}
