import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  assertSchemaCurrent,
  createDataSource,
  dropDatabase,
  ensureDatabase,
  migrateDatabase,
  SchemaBehindError,
} from '../src/index.js';

// This package sits below @dash/testing, so it names its own throwaway databases.
const serverUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const databases: string[] = [];
const freshName = () => {
  const name = `test_migrate_${randomBytes(4).toString('hex')}`;
  databases.push(name);
  return name;
};

/**
 * Slow on purpose: two unlocked runs would both find it pending, both sleep, and both create the
 * table — the second failing with "table exists" or both recording the migration.
 */
class CreateSlowTable1700000000000 implements MigrationInterface {
  name = 'CreateSlowTable1700000000000';
  async up(runner: QueryRunner) {
    await runner.query('SELECT SLEEP(0.3)');
    await runner.query('CREATE TABLE slow (id INT PRIMARY KEY)');
  }
  async down(runner: QueryRunner) {
    await runner.query('DROP TABLE slow');
  }
}

class AddColumn1700000000001 implements MigrationInterface {
  name = 'AddColumn1700000000001';
  async up(runner: QueryRunner) {
    await runner.query('ALTER TABLE slow ADD COLUMN note VARCHAR(20) NULL');
  }
  async down(runner: QueryRunner) {
    await runner.query('ALTER TABLE slow DROP COLUMN note');
  }
}

const optionsFor = (database: string, migrations: Array<new () => MigrationInterface>) => ({
  url: serverUrl,
  database,
  entities: [],
  migrations,
});

async function withDataSource<T>(
  options: ReturnType<typeof optionsFor>,
  work: (dataSource: ReturnType<typeof createDataSource>) => Promise<T>,
): Promise<T> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

afterAll(async () => {
  for (const database of databases) await dropDatabase(serverUrl, database);
});

describe('migrations run by several replicas at once', () => {
  it('apply each migration exactly once: the others wait for the lock and find nothing to do', async () => {
    const options = optionsFor(freshName(), [CreateSlowTable1700000000000, AddColumn1700000000001]);
    const runs = await Promise.allSettled(
      Array.from({ length: 6 }, () => migrateDatabase(options)),
    );

    expect(runs.map((run) => run.status)).toEqual(Array(6).fill('fulfilled'));
    const applied = runs.flatMap((run) => (run.status === 'fulfilled' ? run.value : []));
    expect(applied.sort()).toEqual(['AddColumn1700000000001', 'CreateSlowTable1700000000000']);
    const recorded = await withDataSource(options, (dataSource) =>
      dataSource.query('SELECT name FROM migrations ORDER BY name'),
    );
    expect(recorded).toEqual([
      { name: 'AddColumn1700000000001' },
      { name: 'CreateSlowTable1700000000000' },
    ]);
  });

  it('gives up with a clear message when another run holds the lock too long', async () => {
    const database = freshName();
    const options = optionsFor(database, [CreateSlowTable1700000000000]);
    await ensureDatabase(serverUrl, database);
    // Another session holding the database's migration lock, as a stuck run would.
    await withDataSource(options, async (holder) => {
      const runner = holder.createQueryRunner();
      await runner.query('SELECT GET_LOCK(?, 5)', [`migrate:${database}`]);
      try {
        await expect(migrateDatabase(options, 1)).rejects.toThrow(/held the lock.*try again/);
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [`migrate:${database}`]);
        await runner.release();
      }
    });
    expect(await migrateDatabase(options)).toEqual(['CreateSlowTable1700000000000']);
  });
});

describe('a process on a schema older than its code', () => {
  it('is refused, naming the migrations that have not run', async () => {
    const database = freshName();
    await ensureDatabase(serverUrl, database);
    const older = optionsFor(database, [CreateSlowTable1700000000000]);
    const newer = optionsFor(database, [CreateSlowTable1700000000000, AddColumn1700000000001]);

    // Not migrated at all: no migrations table yet.
    const untouched = await withDataSource(newer, (dataSource) =>
      assertSchemaCurrent(dataSource).catch((error: unknown) => error),
    );
    expect(untouched).toBeInstanceOf(SchemaBehindError);
    expect((untouched as SchemaBehindError).pending).toEqual([
      'CreateSlowTable1700000000000',
      'AddColumn1700000000001',
    ]);

    await migrateDatabase(older);
    const behind = await withDataSource(newer, (dataSource) =>
      assertSchemaCurrent(dataSource).catch((error: unknown) => error),
    );
    expect((behind as SchemaBehindError).pending).toEqual(['AddColumn1700000000001']);
    expect((behind as Error).message).toMatch(/older than this code.*run the migrations/);
  });

  it('is accepted when the schema is current or newer (the previous release during an upgrade)', async () => {
    const database = freshName();
    const older = optionsFor(database, [CreateSlowTable1700000000000]);
    const newer = optionsFor(database, [CreateSlowTable1700000000000, AddColumn1700000000001]);
    await migrateDatabase(newer);

    await withDataSource(newer, (dataSource) =>
      expect(assertSchemaCurrent(dataSource)).resolves.toBeUndefined(),
    );
    await withDataSource(older, (dataSource) =>
      expect(assertSchemaCurrent(dataSource)).resolves.toBeUndefined(),
    );
  });
});
