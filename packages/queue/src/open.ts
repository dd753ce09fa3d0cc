import { createProducerConnection, type RedisClient } from './connection.js';
import type { JobMap, QueueDefinition } from './define.js';
import { TypedQueue } from './queue.js';

/**
 * A producer with a connection of its own, for code that only enqueues: `makeQueue` builds the
 * queue over it; close() releases both. While Redis is down an add fails at once rather than
 * waiting for Redis to return, so a request that enqueues can answer (see
 * createProducerConnection).
 */
export function openProducer<Queue extends { close(): Promise<void> }>(
  redisUrl: string,
  makeQueue: (connection: RedisClient) => Queue,
) {
  const connection = createProducerConnection(redisUrl);
  const queue = makeQueue(connection);
  let readies = 0;
  connection.on('ready', () => (readies += 1));
  return {
    queue,
    /** For readiness checks: does Redis answer? */
    ping: () => connection.ping(),
    /** Calls `then` each time the connection is ready again after it was lost. */
    onReconnect(then: () => void) {
      connection.on('ready', () => {
        if (readies > 1) then();
      });
    },
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
