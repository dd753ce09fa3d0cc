import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { withServerConnection } from '@dash/db';
import {
  createTestDatabase,
  deleteRedisPrefix,
  testRedisPrefix,
  testRedisUrl,
} from '../src/index.js';

async function databaseExists(url: string, name: string): Promise<boolean> {
  return withServerConnection(url, async (c) => {
    const [rows] = await c.query('SHOW DATABASES LIKE ?', [name]);
    return (rows as unknown[]).length === 1;
  });
}

describe('test isolation helpers', () => {
  it('creates a distinct database per call and drops it', async () => {
    const first = await createTestDatabase('iso');
    const second = await createTestDatabase('iso');
    expect(first.database).not.toBe(second.database);
    expect(await databaseExists(first.url, first.database)).toBe(true);
    await first.drop();
    await second.drop();
    expect(await databaseExists(first.url, first.database)).toBe(false);
  });

  it('gives each file its own Redis prefix and cleans only that prefix', async () => {
    const mine = testRedisPrefix('iso');
    const theirs = testRedisPrefix('iso');
    const redis = new Redis(testRedisUrl());
    try {
      await redis.set(`${mine}:a`, '1');
      await redis.set(`${theirs}:a`, '1');
      expect(await deleteRedisPrefix(testRedisUrl(), mine)).toBe(1);
      expect(await redis.exists(`${mine}:a`)).toBe(0);
      expect(await redis.exists(`${theirs}:a`)).toBe(1);
    } finally {
      await redis.del(`${theirs}:a`);
      redis.disconnect();
    }
  });
});
