import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource, migrateDatabase } from '@dash/db';
import { IdempotencyKeys } from '@dash/subgraph';
import { createTestDatabase, type TestDatabase } from '@dash/testing';
import { payoutsService } from '../src/index.js';
import { IdempotencyKeys1765200000000 } from '../src/migrations/1765200000000-IdempotencyKeys.js';

let db: TestDatabase;
let dataSource: DataSource;
const options = () => ({ url: db.url, database: db.database, entities: [] });
const all = payoutsService.migrations as Array<new () => unknown>;
const plan = { id: 'po_started', owner: { accountId: 'acct_1' }, amount: 1_500 };
const createdAt = new Date('2026-12-01T10:00:00.123Z');

beforeAll(async () => {
  db = await createTestDatabase('payouts_keys');
  // The database as it was before: payout requests in their own table.
  await migrateDatabase({
    ...options(),
    migrations: all.filter((migration) => migration !== IdempotencyKeys1765200000000),
  });
  dataSource = createDataSource({ ...options(), migrations: all });
  await dataSource.initialize();
  await dataSource.query(
    `INSERT INTO payout_requests
       (scope, idempotency_key, request_hash, payout_id, request, state, created_at)
     VALUES (?, ?, ?, ?, ?, 'started', ?), (?, ?, ?, ?, ?, 'done', ?)`,
    [
      'platform:plat_a:test',
      'key-started',
      'a'.repeat(64),
      plan.id,
      JSON.stringify(plan),
      createdAt,
      'account:acct_1',
      'key-done',
      'b'.repeat(64),
      'po_done',
      '{}',
      createdAt,
    ],
  );
});
afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe('payout request keys moving to the idempotency keys table', () => {
  it('keeps every claim as it was, and a started one is still carried on from its plan', async () => {
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(1);
    const rows = (await dataSource.query(
      `SELECT scope, idempotency_key, operation, request_hash, result_id, state, created_at
       FROM idempotency_keys ORDER BY idempotency_key`,
    )) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      {
        scope: 'account:acct_1',
        idempotency_key: 'key-done',
        operation: 'createPayout',
        request_hash: 'b'.repeat(64),
        result_id: 'po_done',
        state: 'done',
        created_at: createdAt,
      },
      {
        scope: 'platform:plat_a:test',
        idempotency_key: 'key-started',
        operation: 'createPayout',
        request_hash: 'a'.repeat(64),
        result_id: 'po_started',
        state: 'started',
        created_at: createdAt,
      },
    ]);
    const unfinished = await new IdempotencyKeys(dataSource).unfinished(
      'createPayout',
      new Date(createdAt.getTime() + 1),
    );
    expect(unfinished).toEqual([{ scope: 'platform:plat_a:test', key: 'key-started', plan }]);
    const [left] = (await dataSource.query(
      "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'payout_requests'",
    )) as Array<{ n: number | string }>;
    expect(Number(left!.n)).toBe(0);
  });

  it('goes back down to payout requests with the same rows', async () => {
    await dataSource.undoLastMigration({ transaction: 'each' });
    const rows = (await dataSource.query(
      'SELECT idempotency_key, payout_id, state FROM payout_requests ORDER BY idempotency_key',
    )) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      { idempotency_key: 'key-done', payout_id: 'po_done', state: 'done' },
      { idempotency_key: 'key-started', payout_id: 'po_started', state: 'started' },
    ]);
  });
});
