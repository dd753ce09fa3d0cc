import { Redis } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers block on Redis, so commands must never give up after
 * a few retries (`maxRetriesPerRequest: null`); BullMQ reconnects on its own.
 */
export function createRedisConnection(redisUrl: string): Redis {
  return quiet(new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true }));
}

/**
 * ioredis reconnects by itself and every command that cannot run fails on its own (which is where
 * callers log it); without a listener each reconnect attempt would also print a stack trace.
 */
const quiet = (redis: Redis) => redis.on('error', () => {});

/**
 * A connection for producers that must not wait out an outage: with Redis down, commands fail at
 * once (instead of queueing in memory), and a server that stops answering (frozen, or cut off
 * without the connection closing) fails them after `commandTimeoutMs`, so the caller can keep
 * the work and try again later.
 */
export function createProducerConnection(redisUrl: string, commandTimeoutMs = 3000): Redis {
  return quiet(
    new Redis(redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      commandTimeout: commandTimeoutMs,
    }),
  );
}

/**
 * A connection for plain commands on the request path (credential epochs, rate limits): queued
 * briefly while it connects, but a command that gets no answer within `commandTimeoutMs` fails,
 * so a Redis outage costs a request a bounded wait, never a hang.
 */
export function createCommandConnection(redisUrl: string, commandTimeoutMs = 1000): Redis {
  return quiet(
    new Redis(redisUrl, {
      maxRetriesPerRequest: 1,
      commandTimeout: commandTimeoutMs,
      enableReadyCheck: true,
    }),
  );
}
