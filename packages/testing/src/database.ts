import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@dash/db';

export interface TestDatabase {
  /** Server URL (no database), as services take it. */
  url: string;
  database: string;
  drop(): Promise<void>;
}

export const testMysqlUrl = () => process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const testRedisUrl = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const uniqueSuffix = () => `${process.pid}_${randomBytes(3).toString('hex')}`;

/**
 * A fresh, empty database for one test file, so files run in parallel without seeing each
 * other's rows. Call `drop()` in afterAll.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const url = testMysqlUrl();
  const safeLabel = label.replace(/[^A-Za-z0-9]/g, '_').slice(0, 30);
  const database = `test_${safeLabel}_${uniqueSuffix()}`;
  await ensureDatabase(url, database);
  return { url, database, drop: () => dropDatabase(url, database) };
}

/**
 * A Redis key prefix of one test file's own (BullMQ queues and any other keys live under it).
 * It carries its own hash tag, so BullMQ uses it as it is (see queueKeyPrefix) and a test can
 * find a queue's keys right under it.
 */
export function testRedisPrefix(label: string): string {
  return `test:{${label}:${uniqueSuffix()}}`;
}
