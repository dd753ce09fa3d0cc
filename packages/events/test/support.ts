import type { DataSource } from 'typeorm';
import { createDataSource, migrateDatabase } from '@dash/db';
import { createTestDatabase, type TestDatabase } from '@dash/testing';
import { EVENT_MIGRATIONS } from '../src/index.js';

/** A fresh database of this test file's own with the outbox and event tables, connected. */
export async function openEventsDatabase(
  label: string,
): Promise<{ db: TestDatabase; dataSource: DataSource }> {
  const db = await createTestDatabase(label);
  const options = {
    url: db.url,
    database: db.database,
    entities: [],
    migrations: EVENT_MIGRATIONS,
  };
  await migrateDatabase(options);
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  return { db, dataSource };
}
