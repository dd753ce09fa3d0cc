import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { requestDelivery } from '@dash/contracts';
import { createLogger } from '@dash/logger';
import type { RunningWorker } from '@dash/queue';
import { TEST_SECRET_KEYS } from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl, type TestDatabase } from '@dash/testing';
import {
  DeliveryRepository,
  DevOutboxProvider,
  openDeliveryQueue,
  startDeliveryWorker,
} from '../src/index.js';
import { dashboardReadyEmail, lineStarting, migratedNotificationsDatabase } from './support.js';

let db: TestDatabase;
let dataSource: DataSource;
let child: ChildProcess | undefined;
let survivor: RunningWorker | undefined;
const prefix = testRedisPrefix('delivery_crash');
const env = { REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix };

beforeAll(async () => {
  ({ db, dataSource } = await migratedNotificationsDatabase('delivery_crash'));
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await survivor?.stop();
  await dataSource?.destroy();
  await db?.drop();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('a delivery worker killed mid-job', () => {
  it('the message goes out exactly once, finished by another worker', async () => {
    child = spawn(
      process.execPath,
      [new URL('./fixtures/dying-worker.mjs', import.meta.url).pathname],
      {
        env: { ...process.env, ...env, MYSQL_URL: db.url, TEST_DATABASE: db.database },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await lineStarting(child, 'READY');
    const producer = openDeliveryQueue(env, TEST_SECRET_KEYS);
    const deliveryId = await requestDelivery(producer.queue, {
      ...dashboardReadyEmail(),
      deliveryId: 'dlv_crash_1',
    });
    await producer.close();
    // The carrier has the message; the worker dies before it can record that.
    expect(await lineStarting(child, 'HANDED')).toBe(`HANDED ${deliveryId}`);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const deliveries = new DeliveryRepository(dataSource);
    expect((await deliveries.find(deliveryId))?.status).toBe('queued');

    // Another worker notices the abandoned job and finishes it; the carrier keeps one message.
    survivor = await startDeliveryWorker({
      deliveries,
      provider: new DevOutboxProvider(dataSource, createLogger('survivor', 'silent')),
      testModeProvider: new DevOutboxProvider(dataSource, createLogger('survivor', 'silent')),
      keys: TEST_SECRET_KEYS,
      redisUrl: env.REDIS_URL,
      prefix,
      concurrency: 1,
      stalledInterval: 300,
      log: createLogger('survivor', 'silent'),
    });
    await expect
      .poll(async () => (await deliveries.find(deliveryId))?.status, {
        timeout: 15_000,
        interval: 200,
      })
      .toBe('sent');
    const outbox = (await dataSource.query(
      'SELECT COUNT(*) AS n FROM dev_outbox WHERE delivery_id = ?',
      [deliveryId],
    )) as Array<{ n: string }>;
    expect(Number(outbox[0]!.n)).toBe(1);
  });
});
