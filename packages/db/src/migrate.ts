import type { DataSource } from 'typeorm';
import { ensureDatabase } from './server.js';
import { createDataSource, type DataSourceOptions } from './data-source.js';

/** How long a migration run waits for another replica's run to finish before giving up. */
const MIGRATION_LOCK_WAIT_SECONDS = 300;

/**
 * Creates the database when missing and applies pending migrations, each in its own
 * transaction. Returns the names of the migrations that ran.
 *
 * Several replicas (or a Job and a person at a terminal) may run this at the same moment, so the
 * run holds a named lock on the server for its database: the second one waits, then finds nothing
 * left to do, instead of both creating the same tables.
 */
export async function migrateDatabase(
  options: DataSourceOptions,
  lockWaitSeconds = MIGRATION_LOCK_WAIT_SECONDS,
): Promise<string[]> {
  await ensureDatabase(options.url, options.database, options.tls);
  // One connection holds the lock (locks belong to a session), the other runs the migrations.
  // Schema changes go to the primary alone; replicas follow by replication.
  const dataSource = createDataSource({ ...options, replicaUrls: [], poolSize: 2 });
  await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  try {
    const lock = migrationLockName(options.database);
    const [row] = (await lockHolder.query('SELECT GET_LOCK(?, ?) AS acquired', [
      lock,
      lockWaitSeconds,
    ])) as Array<{ acquired: number | string | null }>;
    if (Number(row?.acquired) !== 1)
      throw new Error(
        `${options.database}: another migration run held the lock for ${lockWaitSeconds}s; try again`,
      );
    try {
      return await runPendingMigrations(dataSource);
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    await lockHolder.release();
    await dataSource.destroy();
  }
}

/** Lock names are server-wide and at most 64 characters; database names are at most 64 too. */
const migrationLockName = (database: string) => `migrate:${database}`.slice(0, 64);

export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((migration) => migration.name);
}

/** The database's schema is older than the code: some of the code's migrations have not run. */
export class SchemaBehindError extends Error {
  constructor(
    readonly database: string,
    readonly pending: string[],
  ) {
    super(
      `${database}: the schema is older than this code (pending: ${pending.join(', ')}); run the migrations first`,
    );
    this.name = 'SchemaBehindError';
  }
}

/**
 * Refuses to go on when a migration the code knows has not run, so a process never serves on a
 * schema it was not written for. Migrations the code does not know are fine: during a rolling
 * upgrade the schema moves first (expand), and the previous release keeps running on it.
 */
export async function assertSchemaCurrent(dataSource: DataSource): Promise<void> {
  const known = dataSource.migrations.map(
    (migration) => migration.name ?? migration.constructor.name,
  );
  const applied = new Set(await appliedMigrations(dataSource));
  const pending = known.filter((name) => !applied.has(name));
  if (pending.length) throw new SchemaBehindError(dataSource.options.database as string, pending);
}

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const [exists] = (await dataSource.query(
    'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?',
    [table],
  )) as Array<{ n: number | string }>;
  if (!Number(exists?.n)) return [];
  const rows = (await dataSource.query(`SELECT name FROM \`${table}\``)) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}
