import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_KEYS_TABLE } from '@dash/subgraph';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { ledgerService } from '../src/index.js';
import { IdempotencyKeysShape1765200000000 } from '../src/migrations/1765200000000-IdempotencyKeysShape.js';

let service: TestService;

/** A table's columns and keys as the server describes them, for comparing two tables. */
async function shapeOf(dataSource: DataSource, table: string) {
  const columns = (await dataSource.query(
    `SELECT COLUMN_NAME AS name, ORDINAL_POSITION AS position, COLUMN_TYPE AS type,
            IS_NULLABLE AS nullable, COLUMN_DEFAULT AS fallback,
            CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
     ORDER BY ORDINAL_POSITION`,
    [table],
  )) as unknown[];
  const keys = (await dataSource.query(
    `SELECT INDEX_NAME AS name, SEQ_IN_INDEX AS position, COLUMN_NAME AS \`column\`,
            NON_UNIQUE AS nonUnique
     FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
     ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    [table],
  )) as unknown[];
  const [options] = (await dataSource.query(
    `SELECT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
    [table],
  )) as unknown[];
  return { columns, keys, options };
}

beforeAll(async () => {
  service = await startTestService(ledgerService);
  await service.dataSource.query(
    IDEMPOTENCY_KEYS_TABLE.replace('CREATE TABLE idempotency_keys', 'CREATE TABLE fresh_keys'),
  );
});
afterAll(() => service.close());

describe('the idempotency keys table', () => {
  it('migrated, has exactly the shape every service shares', async () => {
    const fresh = await shapeOf(service.dataSource, 'fresh_keys');
    expect(fresh.columns).toHaveLength(8);
    expect(await shapeOf(service.dataSource, 'idempotency_keys')).toEqual(fresh);
  });

  it('keeps the keys of the earlier shape, done, through the upgrade', async () => {
    const migration = new IdempotencyKeysShape1765200000000();
    const runner = service.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await runner.query(
        `INSERT INTO idempotency_keys
           (scope, idempotency_key, operation, request_hash, result_id, created_at)
         VALUES ('plat_a:test', 'kept', 'createCharge', REPEAT('a', 64), 'ch_kept', NOW(3))`,
      );
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(
      await service.dataSource.query(
        "SELECT state, plan, result_id FROM idempotency_keys WHERE idempotency_key = 'kept'",
      ),
    ).toEqual([{ state: 'done', plan: null, result_id: 'ch_kept' }]);
    expect(await shapeOf(service.dataSource, 'idempotency_keys')).toEqual(
      await shapeOf(service.dataSource, 'fresh_keys'),
    );
  });
});
