import { readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { parseRedisAddress, type RedisTls } from '@dash/config';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** A single server (standalone or behind Sentinel) or a Cluster: both run the same commands. */
export type RedisClient = Redis | Cluster;

/**
 * Every Redis connection of the product is made here, from `REDIS_URL` (a server, a Sentinel
 * set or a Cluster, see parseRedisAddress) and the options of its role, so no part can forget
 * TLS or talk to one node of a cluster as if it were the whole.
 */
export function connectRedis(redisUrl: string, role: RedisOptions): RedisClient {
  const address = parseRedisAddress(redisUrl);
  const tls = address.tls ? tlsOptions(address.tls) : undefined;
  const withTls = tls ? { tls } : {};
  if (address.kind === 'server') return quiet(new Redis(address.url, { ...role, ...withTls }));
  const credentials = {
    ...(address.username ? { username: address.username } : {}),
    ...(address.password ? { password: address.password } : {}),
  };
  if (address.kind === 'sentinel')
    return quiet(
      new Redis({
        ...role,
        ...credentials,
        ...withTls,
        sentinels: address.sentinels,
        name: address.primaryName,
        db: address.db,
        ...(address.sentinelPassword ? { sentinelPassword: address.sentinelPassword } : {}),
        ...(tls ? { enableTLSForSentinelMode: true, sentinelTLS: tls } : {}),
      }),
    );
  // Whether commands queue while disconnected is the cluster's decision; the rest (retries,
  // timeouts, TLS) applies to the connection to each node.
  const { enableOfflineQueue, enableReadyCheck, ...perNode } = role;
  const options: ClusterOptions = {
    redisOptions: { ...perNode, ...credentials, ...withTls },
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(enableReadyCheck === undefined ? {} : { enableReadyCheck }),
  };
  const cluster = new Cluster(address.nodes, options);
  return quiet(cluster);
}

function tlsOptions(tls: RedisTls): TlsOptions {
  return {
    ...(tls.caFile ? { ca: readFileSync(tls.caFile) } : {}),
    ...(tls.servername ? { servername: tls.servername } : {}),
  };
}

/**
 * ioredis reconnects by itself and every command that cannot run fails on its own (which is where
 * callers log it); without a listener each reconnect attempt would also print a stack trace.
 */
const quiet = <Client extends RedisClient>(redis: Client) => redis.on('error', () => {}) as Client;

/**
 * A Redis connection for BullMQ. Workers block on Redis, so commands must never give up after
 * a few retries (`maxRetriesPerRequest: null`); BullMQ reconnects on its own.
 */
export function createRedisConnection(redisUrl: string): RedisClient {
  return connectRedis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/**
 * A connection for producers that must not wait out an outage: with Redis down, commands fail at
 * once (instead of queueing in memory), and a server that stops answering (frozen, or cut off
 * without the connection closing) fails them after `commandTimeoutMs`, so the caller can keep
 * the work and try again later.
 */
export function createProducerConnection(redisUrl: string, commandTimeoutMs = 3000): RedisClient {
  return connectRedis(redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
  });
}

/**
 * A connection for plain commands on the request path (credential epochs, rate limits, cached
 * reads): queued briefly while it connects, but a command that gets no answer within
 * `commandTimeoutMs` fails, so a Redis outage costs a request a bounded wait, never a hang.
 * Commands issued in the same tick by concurrent requests go out as one pipeline: one write and
 * one read for many requests instead of one each.
 */
export function createCommandConnection(redisUrl: string, commandTimeoutMs = 1000): RedisClient {
  return connectRedis(redisUrl, {
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    enableReadyCheck: true,
    enableAutoPipelining: true,
  });
}
