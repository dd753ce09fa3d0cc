import { createRedisConnection } from './connection.js';
import type { JobMap, QueueDefinition } from './define.js';
import { TypedQueue } from './queue.js';

/** A producer with its own connection, for services that only enqueue; close() releases both. */
export function openQueue<Jobs extends JobMap>(
  definition: QueueDefinition<Jobs>,
  settings: { redisUrl: string; prefix: string },
) {
  const connection = createRedisConnection(settings.redisUrl);
  const queue = new TypedQueue(definition, { connection, prefix: settings.prefix });
  return {
    queue,
    /** For readiness checks: does Redis answer? */
    ping: () => connection.ping(),
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
