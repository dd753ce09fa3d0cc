import type { RedisClient } from '@dash/queue';
import { deliveryQueue } from '@dash/contracts';
import { EVENT_SUBSCRIPTIONS, eventQueueName, type EventConsumerName } from '@dash/events';

/**
 * The queues the shared code declares: message delivery and one events queue per consumer. They
 * are shown even before anything has used them, so an empty queue is visibly empty.
 */
export const declaredQueueNames = (): string[] => [
  deliveryQueue.name,
  ...(Object.keys(EVENT_SUBSCRIPTIONS) as EventConsumerName[]).map(eventQueueName),
];

/** Characters SCAN's MATCH would read as a pattern rather than as themselves. */
const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

const META_SUFFIX = ':meta';

/**
 * Every queue that exists under `prefix`, found by the `<prefix>:<queue>:meta` key BullMQ writes
 * for each queue (BullMQ refuses ":" in a queue name, so the name is what lies between). This is
 * how a service's own queues (its scheduled chores) and any queue added later appear by
 * themselves, with no list to keep.
 */
export async function existingQueueNames(redis: RedisClient, prefix: string): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `${escapeGlob(prefix)}:*${META_SUFFIX}`,
      'COUNT',
      1000,
    );
    cursor = next;
    for (const key of keys) {
      const name = key.slice(prefix.length + 1, -META_SUFFIX.length);
      if (name && !name.includes(':')) names.add(name);
    }
  } while (cursor !== '0');
  return [...names];
}
