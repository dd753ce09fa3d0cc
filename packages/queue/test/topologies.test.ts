import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Cluster } from 'ioredis';
import { CredentialEpochs } from '@dash/auth-context';
import { createLogger } from '@dash/logger';
import {
  createCommandConnection,
  defineQueue,
  openQueue,
  queueKeyPrefix,
  startWorker,
  type RedisClient,
} from '../src/index.js';
import { startCluster, startSentinelSet, type PrivateRedis } from './private-redis.js';

// Real servers of each kind REDIS_URL can name, started for this file and stopped after it.
type Jobs = { count: { n: number } };
const definition = defineQueue<Jobs>('topology', ['count']);
const log = createLogger('topologies-test', 'silent');

/** What every part of the product does with Redis, through the one connection factory. */
async function exerciseEverything(redisUrl: string, prefix: string) {
  const seen: number[] = [];
  const worker = await startWorker(
    definition,
    { count: async ({ n }) => void seen.push(n) },
    { redisUrl, prefix, log, concurrency: 4 },
  );
  const producer = openQueue(definition, { redisUrl, prefix });
  const commands = createCommandConnection(redisUrl);
  try {
    for (let n = 0; n < 20; n++) await producer.queue.add('count', { n }, { jobId: `job-${n}` });
    // A second add of a known id is ignored: de-duplication holds on every topology.
    await producer.queue.add('count', { n: 0 }, { jobId: 'job-0' });
    await expect.poll(() => seen.length, { timeout: 15_000 }).toBe(20);
    expect([...seen].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);

    const limiter = new RateLimiterRedis({
      storeClient: commands,
      keyPrefix: `${prefix}:request-limit:address`,
      points: 3,
      duration: 60,
    });
    // Attacked in parallel: exactly the allowed number pass.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => limiter.consume('203.0.113.7')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    for (const o of outcomes.filter((o) => o.status === 'rejected'))
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(RateLimiterRes);

    const epochs = new CredentialEpochs(commands, prefix);
    const subject = { accountId: 'acct_topology' };
    expect(await epochs.read(subject)).toBe('0');
    await Promise.all([epochs.bump(subject), epochs.bump(subject)]);
    expect(await epochs.read(subject)).toBe('2');
  } finally {
    await worker.stop();
    await producer.close();
    commands.disconnect();
  }
}

describe('queue key prefix', () => {
  it('wraps a prefix in a hash tag unless it carries one already', () => {
    expect(queueKeyPrefix('dash')).toBe('{dash}');
    expect(queueKeyPrefix('prod:eu')).toBe('{prod:eu}');
    expect(queueKeyPrefix('{dash}')).toBe('{dash}');
    expect(queueKeyPrefix('test:{queue:1}')).toBe('test:{queue:1}');
    // Empty braces are no tag to Redis: the whole key would be hashed, so it is wrapped.
    expect(queueKeyPrefix('a{}b')).toBe('{a{}b}');
  });
});

describe('Redis behind Sentinel', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startSentinelSet();
  });
  afterAll(() => redis?.stop());

  it('runs jobs, rate limits and credential epochs through the sentinels', async () => {
    await exerciseEverything(redis.url, 'dash');
  });
});

describe('Redis Cluster', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startCluster();
  });
  afterAll(() => redis?.stop());

  it('runs jobs, rate limits and credential epochs across three primaries', async () => {
    await exerciseEverything(redis.url, 'dash');
  });

  it("keeps every key of every queue in one slot (BullMQ's scripts need it)", async () => {
    // Several queues, as the product has: each under the same tagged prefix.
    for (const name of ['delivery', 'events-ledger', 'chores']) {
      const other = defineQueue<Jobs>(name, ['count']);
      const producer = openQueue(other, { redisUrl: redis.url, prefix: 'dash' });
      await producer.queue.add('count', { n: 1 }, { jobId: 'once' });
      await producer.queue.add('count', { n: 2 }, { delayMs: 60_000 });
      await producer.close();
    }
    const cluster = createCommandConnection(redis.url) as Cluster;
    try {
      expect(cluster).toBeInstanceOf(Cluster);
      await cluster.ping(); // the node list is known once the cluster is connected
      const keys = await keysOnEveryPrimary(cluster, '{dash}:*');
      expect(keys.length).toBeGreaterThan(6);
      const slots = new Set(await Promise.all(keys.map((key) => cluster.cluster('KEYSLOT', key))));
      expect(slots.size).toBe(1);
      // The other keys (limits, epochs) are not tagged, so they spread over the primaries.
      expect(await keysOnEveryPrimary(cluster, 'dash:*')).not.toHaveLength(0);
    } finally {
      cluster.disconnect();
    }
  });
});

async function keysOnEveryPrimary(cluster: RedisClient & Cluster, pattern: string) {
  const keys: string[] = [];
  for (const node of cluster.nodes('master')) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
  }
  return keys;
}
