import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import Module from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  createDataSource,
  databaseUrl,
  datetimeColumn,
  dropDatabase,
  migrateDatabase,
  withServerConnection,
} from '../src/index.js';

// This package sits below @dash/testing, so it names its own throwaway database.
const serverUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const database = `test_db_${randomBytes(4).toString('hex')}`;

@Entity('amounts')
class Amount {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column(bigintColumn())
  value!: number;

  @Column(datetimeColumn({ name: 'created_at' }))
  createdAt!: Date;
}

class CreateAmounts1700000000000 implements MigrationInterface {
  name = 'CreateAmounts1700000000000';
  async up(runner: QueryRunner) {
    await runner.query(
      'CREATE TABLE amounts (id VARCHAR(32) PRIMARY KEY, value BIGINT NOT NULL, created_at DATETIME(3) NOT NULL)',
    );
  }
  async down(runner: QueryRunner) {
    await runner.query('DROP TABLE amounts');
  }
}

const options = {
  url: serverUrl,
  database,
  entities: [Amount],
  migrations: [CreateAmounts1700000000000],
};

describe('db', () => {
  beforeAll(async () => {
    expect(await migrateDatabase(options)).toEqual(['CreateAmounts1700000000000']);
  });
  afterAll(() => dropDatabase(serverUrl, database));

  it('builds a database URL from a server URL', () => {
    expect(databaseUrl('mariadb://root@127.0.0.1:3306', 'dash_ledger')).toBe(
      'mysql://root@127.0.0.1:3306/dash_ledger',
    );
  });

  it('runs each migration once', async () => {
    expect(await migrateDatabase(options)).toEqual([]);
  });

  it('round-trips BIGINT beyond 32 bits exactly and times in UTC', async () => {
    const dataSource = createDataSource(options);
    await dataSource.initialize();
    try {
      const createdAt = new Date('2024-03-05T23:59:59.123Z');
      const big = 2 ** 53 - 1;
      await dataSource.getRepository(Amount).insert({ id: 'a', value: big, createdAt });
      const row = await dataSource.getRepository(Amount).findOneByOrFail({ id: 'a' });
      expect(row.value).toBe(big);
      expect(row.createdAt.toISOString()).toBe(createdAt.toISOString());
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses a BIGINT that a number cannot hold', async () => {
    await withServerConnection(serverUrl, (c) =>
      c.query(`INSERT INTO \`${database}\`.amounts VALUES ('b', 9007199254740993, NOW(3))`),
    );
    const dataSource = createDataSource(options);
    await dataSource.initialize();
    try {
      await expect(dataSource.getRepository(Amount).findOneByOrFail({ id: 'b' })).rejects.toThrow(
        /safe range/,
      );
    } finally {
      await dataSource.destroy();
    }
  });

  it('runs queries without resolving a module for each one', async () => {
    const dataSource = createDataSource(options);
    await dataSource.initialize();
    const loader = Module as unknown as { _resolveFilename: (...args: unknown[]) => string };
    const resolve = loader._resolveFilename;
    let resolved = 0;
    loader._resolveFilename = (...args: unknown[]) => {
      resolved += 1;
      return resolve(...args);
    };
    try {
      await dataSource.query('SELECT 1');
      resolved = 0;
      await Promise.all(Array.from({ length: 50 }, () => dataSource.query('SELECT 1')));
      await dataSource.transaction((manager) => manager.query('SELECT 1'));
      expect(resolved).toBe(0);
    } finally {
      loader._resolveFilename = resolve;
      await dataSource.destroy();
    }
  });
});
