import { Redis } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers block on Redis, so commands must never give up after
 * a few retries (`maxRetriesPerRequest: null`); BullMQ reconnects on its own.
 */
export function createRedisConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
