import type { DataSource } from 'typeorm';
import { ensureDatabase } from './server.js';
import { createDataSource, type DataSourceOptions } from './data-source.js';

/**
 * Creates the database when missing and applies pending migrations, each in its own
 * transaction. Returns the names of the migrations that ran.
 */
export async function migrateDatabase(options: DataSourceOptions): Promise<string[]> {
  await ensureDatabase(options.url, options.database, options.tls);
  // Schema changes go to the primary alone; replicas follow by replication.
  const dataSource = createDataSource({ ...options, replicaUrls: [], poolSize: 1 });
  await dataSource.initialize();
  try {
    return await runPendingMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((migration) => migration.name);
}
