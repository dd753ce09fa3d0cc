import type { ChildProcess } from 'node:child_process';
import type { DataSource } from 'typeorm';
import type { DeliveryRequest } from '@dash/contracts';
import { createDataSource, migrateDatabase } from '@dash/db';
import { createTestDatabase, type TestDatabase } from '@dash/testing';
import { notificationsService } from '../src/index.js';

/** Ada's "your dashboard is ready" email in live mode, to `to`: the delivery tests' message. */
export const dashboardReadyEmail = (to = 'ada@example.com'): DeliveryRequest => ({
  accountId: 'acct_ada',
  livemode: true,
  channel: 'email',
  to,
  template: 'dashboard-ready',
  params: { name: 'Ada', platformName: 'Rocket Rides', url: 'http://localhost:9000' },
});

/** Resolves with the first stdout line of `process` that starts with `word`. */
export function lineStarting(process: ChildProcess, word: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    process.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((candidate) => candidate.startsWith(word));
      if (line) resolve(line);
    });
    process.once('exit', (code) => reject(new Error(`worker exited (${code}) before ${word}`)));
  });
}

/**
 * A fresh notifications database, migrated, with a data source open on it, for tests that run
 * workers without the service (a child process shares the database through `db`).
 */
export async function migratedNotificationsDatabase(
  name: string,
): Promise<{ db: TestDatabase; dataSource: DataSource }> {
  const db = await createTestDatabase(name);
  const options = {
    url: db.url,
    database: db.database,
    entities: notificationsService.entities,
    migrations: notificationsService.migrations,
  };
  await migrateDatabase(options);
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  return { db, dataSource };
}
