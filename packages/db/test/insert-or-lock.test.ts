import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DataSource, EntityManager } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase, insertOrLock } from '../src/index.js';

// This package sits below @dash/testing, so it names its own throwaway database.
const serverUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const database = `test_insert_or_lock_${randomBytes(4).toString('hex')}`;
let dataSource: DataSource;

beforeAll(async () => {
  await ensureDatabase(serverUrl, database);
  dataSource = createDataSource({ url: serverUrl, database, entities: [], migrations: [] });
  await dataSource.initialize();
  await dataSource.query(
    `CREATE TABLE counters (owner VARCHAR(32) NOT NULL, livemode BOOLEAN NOT NULL,
       hits INT NOT NULL DEFAULT 0, made_at DATETIME(3) NOT NULL, PRIMARY KEY (owner, livemode))`,
  );
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(serverUrl, database);
});

/** One counted visit, as the services use it: make the row if missing, lock it, change it. */
const visit = (owner: string, madeAt: Date) =>
  dataSource.transaction('READ COMMITTED', async (manager: EntityManager) => {
    await insertOrLock(manager, 'counters', { owner, livemode: false, made_at: madeAt });
    const [row] = (await manager.query(
      'SELECT hits FROM counters WHERE owner = ? AND livemode = FALSE FOR UPDATE',
      [owner],
    )) as Array<{ hits: number }>;
    await manager.query('UPDATE counters SET hits = ? WHERE owner = ? AND livemode = FALSE', [
      row!.hits + 1,
      owner,
    ]);
  });

const hitsOf = async (owner: string) =>
  (
    (await dataSource.query('SELECT hits, made_at FROM counters WHERE owner = ?', [
      owner,
    ])) as Array<{
      hits: number;
      made_at: Date;
    }>
  )[0];

it('makes a missing row once, however many transactions ask at once, without a deadlock', async () => {
  const first = new Date('2026-01-01T00:00:00Z');
  // No retry around them: a deadlock would fail the visit it picked as its victim.
  await Promise.all(
    Array.from({ length: 40 }, (_, i) => visit('new', new Date(first.getTime() + i))),
  );
  const row = await hitsOf('new');
  expect(row!.hits).toBe(40);
});

it('locks a row that exists, and leaves what it holds as it was', async () => {
  await visit('kept', new Date('2026-02-01T00:00:00Z'));
  await Promise.all(
    Array.from({ length: 40 }, () => visit('kept', new Date('2030-01-01T00:00:00Z'))),
  );
  const row = await hitsOf('kept');
  expect(row!.hits).toBe(41);
  expect(new Date(row!.made_at).toISOString()).toBe('2026-02-01T00:00:00.000Z');
});
