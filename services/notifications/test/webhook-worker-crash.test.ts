import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { DomainEvent } from '@dash/events';
import { createLogger } from '@dash/logger';
import type { RunningWorker } from '@dash/queue';
import { TEST_SECRET_KEYS } from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl, type TestDatabase } from '@dash/testing';
import {
  assembleWebhooks,
  loadWebhookConfig,
  startWebhookWorker,
  WebhookSender,
  type Webhooks,
} from '../src/index.js';
import { lineStarting, migratedNotificationsDatabase } from './support.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/*
 * A webhook worker killed while its attempts are in flight: every event still reaches the
 * receiver, each delivery is recorded once, and only the attempts that were in flight at the
 * kill are sent again — with the same webhook-id, for the receiver to dedupe.
 */
let db: TestDatabase;
let dataSource: DataSource;
let webhooks: Webhooks;
let child: ChildProcess | undefined;
let survivor: RunningWorker | undefined;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const prefix = testRedisPrefix('webhook_crash');
const env = {
  REDIS_URL: testRedisUrl(),
  DASH_REDIS_PREFIX: prefix,
  DASH_WEBHOOK_CONCURRENCY: '4',
  DASH_WEBHOOK_RETRY_FIRST_MS: '200',
};
const EVENTS = 16;

const chargeEvent = (index: number): DomainEvent<'charge.succeeded'> => ({
  id: `evt_crash_${String(index).padStart(3, '0')}`,
  type: 'charge.succeeded',
  source: 'ledger',
  accountId: 'acct_crash',
  platformId: 'plat_crash',
  livemode: false,
  occurredAt: new Date(Date.now() + index).toISOString(),
  data: {
    chargeId: `ch_crash_${index}`,
    amount: 100 + index,
    currency: 'usd',
    fee: 33,
    applicationFeeAmount: 0,
    description: null,
    created: new Date().toISOString(),
  },
});

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ({ db, dataSource } = await migratedNotificationsDatabase('webhook_crash'));
  webhooks = assembleWebhooks(dataSource, TEST_SECRET_KEYS, loadWebhookConfig(env, 'test'));
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await survivor?.stop();
  await webhooks?.producer.close();
  await dataSource?.destroy();
  await db?.drop();
  await receiver?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('a webhook worker killed mid-delivery', () => {
  it('loses no event and records each delivery once; another worker finishes them', async () => {
    child = spawn(
      process.execPath,
      [new URL('./fixtures/dying-webhook-worker.mjs', import.meta.url).pathname],
      {
        env: { ...process.env, ...env, MYSQL_URL: db.url, TEST_DATABASE: db.database },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await lineStarting(child, 'READY');
    // The receiver holds every answer long enough for the kill to land mid-request.
    receiver.delay('/crash', 1500);
    const tenant = { platformId: 'plat_crash', livemode: false };
    const { endpoint } = await webhooks.endpoints.create(tenant, {
      url: receiver.url('/crash'),
      enabledEvents: ['charge.succeeded'],
    });
    for (let index = 0; index < EVENTS; index += 1)
      await dataSource.transaction((manager) => webhooks.publish(chargeEvent(index), manager));

    await expect.poll(() => receiver.on('/crash').length, { timeout: 10_000 }).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await once(child, 'exit');
    // Everything the dead worker sent, each held unanswered: a request written just before the
    // kill can reach the receiver a moment after it (counted before the kill, such a request
    // was missing here, and its second sending failed the test).
    let sent = -1;
    while (sent !== receiver.on('/crash').length) {
      sent = receiver.on('/crash').length;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const inFlightAtKill = new Set(receiver.on('/crash').map((hit) => hit.headers['webhook-id']));
    receiver.delay('/crash', 0);

    survivor = await startWebhookWorker({
      ...webhooks,
      sender: new WebhookSender(webhooks.config),
      log: createLogger('survivor', 'silent'),
      stalledInterval: 300,
    });
    await expect
      .poll(
        async () =>
          (
            (await dataSource.query(
              "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'succeeded'",
            )) as Array<{ n: string }>
          )[0]!.n,
        { timeout: 30_000, interval: 300 },
      )
      .toBe(String(EVENTS));

    const hits = receiver.on('/crash');
    const ids = hits.map((hit) => hit.headers['webhook-id']!);
    expect(new Set(ids).size).toBe(EVENTS);
    // Sent twice only what was in flight when the worker died.
    const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(twice.length).toBeGreaterThan(0);
    for (const id of twice) expect(inFlightAtKill.has(id)).toBe(true);
    const rows = (await dataSource.query(
      'SELECT d.event_id, d.attempts, COUNT(a.attempt) AS recorded FROM webhook_deliveries d LEFT JOIN webhook_attempts a ON a.delivery_id = d.id WHERE d.endpoint_id = ? GROUP BY d.id',
      [endpoint.id],
    )) as Array<{ event_id: string; attempts: number; recorded: string }>;
    expect(rows).toHaveLength(EVENTS);
    for (const row of rows) expect([row.attempts, Number(row.recorded)]).toEqual([1, 1]);
  });
});
