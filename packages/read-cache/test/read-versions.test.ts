import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@dash/db';
import { createCommandConnection, type RedisClient } from '@dash/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from '@dash/testing';
import { readVersionsConnection, ResponseCache, ReadCacheKeys, touchReads } from '../src/index.js';

const prefix = testRedisPrefix('read-cache');
const keys = new ReadCacheKeys(prefix);
let db: TestDatabase;
let dataSource: DataSource;
let redis: RedisClient;
let connection: { stop(): Promise<void> };
const warnings: unknown[] = [];

const versionOf = async (accountId: string) =>
  Number((await redis.get(keys.version({ accountId }))) ?? 0);

beforeAll(async () => {
  db = await createTestDatabase('read_cache');
  dataSource = createDataSource({
    url: db.url,
    database: db.database,
    entities: [],
    migrations: [],
  });
  await dataSource.initialize();
  redis = createCommandConnection(testRedisUrl());
  connection = await readVersionsConnection({
    dataSource,
    env: { REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix },
    log: { warn: (details) => warnings.push(details) },
  });
});

afterAll(async () => {
  await connection.stop();
  await dataSource.destroy();
  await db.drop();
  redis.disconnect();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('touchReads', () => {
  it('bumps an account once its transaction has committed, not before', async () => {
    let during = -1;
    await dataSource.transaction(async (manager) => {
      await touchReads(manager, { accountId: 'acct_commit' }, { accountId: 'acct_commit' });
      during = await versionOf('acct_commit');
    });
    expect(during).toBe(0);
    expect(await versionOf('acct_commit')).toBe(1);
  });

  it('forgets what a rolled-back transaction touched', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await touchReads(manager, { accountId: 'acct_rolled_back' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // The runner goes back to the pool: its next transaction must not carry the old touch.
    await dataSource.transaction(async (manager) => manager.query('SELECT 1'));
    expect(await versionOf('acct_rolled_back')).toBe(0);
  });

  it('waits for the outermost commit when transactions nest', async () => {
    let afterInner = -1;
    await dataSource.transaction(async (manager) => {
      await manager.transaction(async (inner) => touchReads(inner, { accountId: 'acct_nested' }));
      afterInner = await versionOf('acct_nested');
    });
    expect(afterInner).toBe(0);
    expect(await versionOf('acct_nested')).toBe(1);
  });

  it('bumps at once outside a transaction, and platforms apart from accounts', async () => {
    await touchReads(dataSource.manager, { accountId: 'acct_direct' }, { platformId: 'plat_x' });
    expect(await versionOf('acct_direct')).toBe(1);
    expect(await redis.get(keys.version({ platformId: 'plat_x' }))).toBe('1');
    expect(warnings).toEqual([]);
  });
});

describe('ResponseCache', () => {
  it('answers only while the versions it was stored under are current', async () => {
    const cache = new ResponseCache<{ data: unknown }>(redis, prefix, 60_000);
    const scopes = [{ accountId: 'acct_cached' }, { platformId: 'plat_cached' }];
    const first = await cache.lookup('hash1', scopes);
    expect(first).toEqual({ versions: '0:0' });
    await cache.store('hash1', first.versions, { data: { balance: 1 } });
    expect(await cache.lookup('hash1', scopes)).toEqual({
      versions: '0:0',
      body: { data: { balance: 1 } },
    });
    await touchReads(dataSource.manager, { platformId: 'plat_cached' });
    expect(await cache.lookup('hash1', scopes)).toEqual({ versions: '0:1' });
  });
});
