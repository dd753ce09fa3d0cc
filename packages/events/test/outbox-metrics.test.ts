import http from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createLogger } from '@dash/logger';
import { healthRouter, listen } from '@dash/server-kit';
import { watchOutbox } from '@dash/telemetry';
import {
  deleteRedisPrefix,
  scrapeMetric,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from '@dash/testing';
import { loadEventSettings, outboxBacklog, recordEvent, startOutboxRelay } from '../src/index.js';
import { openEventsDatabase } from './support.js';

const prefix = testRedisPrefix('outbox-metrics');
const server = http.createServer(express().use(healthRouter({}, () => false)));
let base = '';
let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  ({ db, dataSource } = await openEventsDatabase('outbox_metrics'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dataSource?.destroy();
  await db?.drop();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

const lag = () => scrapeMetric(base, 'dash_outbox_unrelayed_events', { service: 'observed' });
const age = () =>
  scrapeMetric(base, 'dash_outbox_oldest_unrelayed_age_seconds', { service: 'observed' });

describe('outbox lag', () => {
  it('shows events waiting before a relay runs, and none once one has relayed them', async () => {
    // Before any relay runs (its workers are down): the events wait, and the lag shows it.
    const unwatch = watchOutbox('observed', outboxBacklog(dataSource));
    for (let i = 0; i < 4; i++)
      await dataSource.transaction((manager) =>
        recordEvent(
          manager,
          'test',
          'account.updated',
          { accountId: 'acct_1', platformId: 'plat_1', livemode: false },
          { fields: [`f${i}`], by: 'platform' },
        ),
      );
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await lag()).toBe(4);
    expect(await age()).toBeGreaterThanOrEqual(1);
    unwatch();

    const relay = startOutboxRelay({
      dataSource,
      settings: {
        ...loadEventSettings({ REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix }),
        pollMs: 20,
      },
      log: createLogger('test', 'silent'),
      service: 'observed',
    });
    await expect.poll(lag, { timeout: 10_000 }).toBe(0);
    expect(await age()).toBe(0);
    await relay.stop();
  });
});
