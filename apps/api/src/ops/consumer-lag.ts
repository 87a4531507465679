import type { Kafka } from 'kafkajs';

export interface GroupLag {
  group: string;
  topic: string;
  lag: number;
  partitions: number;
}

/** Lag of every consumer group on the given topics: the end offset minus the committed one. */
export async function consumerLag(kafka: Kafka, topics: string[]): Promise<GroupLag[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const watched = topics.filter((topic) => existing.has(topic));
    const ends = new Map<string, Map<number, bigint>>();
    for (const topic of watched) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(topic, new Map(offsets.map((o) => [o.partition, BigInt(o.high)])));
    }
    const { groups } = await admin.listGroups();
    const result: GroupLag[] = [];
    for (const { groupId } of groups.filter((group) => group.protocolType === 'consumer')) {
      const committed = await admin.fetchOffsets({ groupId, topics: watched });
      for (const { topic, partitions } of committed) {
        if (partitions.every((p) => p.offset === '-1')) continue;
        const end = ends.get(topic)!;
        const lag = partitions.reduce((sum, p) => {
          const high = end.get(p.partition) ?? 0n;
          const at = p.offset === '-1' ? 0n : BigInt(p.offset);
          return sum + (high > at ? high - at : 0n);
        }, 0n);
        result.push({ group: groupId, topic, lag: Number(lag), partitions: partitions.length });
      }
    }
    return result.sort((a, b) => a.group.localeCompare(b.group) || a.topic.localeCompare(b.topic));
  } finally {
    await admin.disconnect();
  }
}
