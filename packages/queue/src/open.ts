import { createRedisConnection, type RedisClient } from './connection.js';
import type { JobMap, QueueDefinition } from './define.js';
import { TypedQueue } from './queue.js';

/**
 * A producer with a connection of its own, for code that only enqueues: `makeQueue` builds the
 * queue over it; close() releases both.
 */
export function openProducer<Queue extends { close(): Promise<void> }>(
  redisUrl: string,
  makeQueue: (connection: RedisClient) => Queue,
) {
  const connection = createRedisConnection(redisUrl);
  const queue = makeQueue(connection);
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

/** A producer of one typed queue (see openProducer). */
export const openQueue = <Jobs extends JobMap>(
  definition: QueueDefinition<Jobs>,
  settings: { redisUrl: string; prefix: string },
) =>
  openProducer(
    settings.redisUrl,
    (connection) => new TypedQueue(definition, { connection, prefix: settings.prefix }),
  );
