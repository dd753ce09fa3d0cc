import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printServiceSdl } from '@dash/subgraph';
import {
  accountCaller,
  accountReference,
  startTestService,
  type TestService,
} from '@dash/subgraph/testing';
import { requestDelivery } from '@dash/contracts';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import {
  createNotificationsService,
  DeliveryRepository,
  notificationsService,
  openDeliveryQueue,
  seedActivity,
  type OutgoingMessage,
} from '../src/index.js';

const ada = accountCaller('acct_ada');
const prefix = testRedisPrefix('notifications');
const env = { REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix };

/** A carrier that is down for the first `failuresLeft` sends, then records what it carried. */
const carrier = { failuresLeft: 0, sent: [] as OutgoingMessage[] };

let service: TestService;
let producer: ReturnType<typeof openDeliveryQueue>;
let deliveries: DeliveryRepository;

beforeAll(async () => {
  service = await startTestService(
    createNotificationsService(() => ({
      async send(message) {
        if (carrier.failuresLeft > 0) {
          carrier.failuresLeft -= 1;
          throw new Error('SMS gateway unavailable');
        }
        carrier.sent.push(message);
      },
    })),
    env,
  );
  producer = openDeliveryQueue(env);
  deliveries = new DeliveryRepository(service.dataSource);
  const minute = 60_000;
  await seedActivity(service.dataSource, [
    {
      id: 'act_1',
      accountId: 'acct_ada',
      platformId: 'plat_a',
      kind: 'payout.paid',
      title: 'Payout paid',
      body: '$120.00 arrived',
      readAt: new Date(),
      createdAt: new Date(Date.now() - 2 * minute),
    },
    {
      id: 'act_2',
      accountId: 'acct_ada',
      platformId: 'plat_a',
      kind: 'dispute.created',
      title: 'New dispute',
      body: 'Respond by Friday',
      readAt: null,
      createdAt: new Date(Date.now() - minute),
    },
    {
      id: 'act_3',
      accountId: 'acct_bob',
      platformId: 'plat_a',
      kind: 'payout.paid',
      title: 'Payout paid',
      body: '$5.00 arrived',
      readAt: null,
      createdAt: new Date(),
    },
  ]);
});
afterAll(async () => {
  await producer?.close();
  await service?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

async function deliveryStatus(id: string) {
  return (await deliveries.find(id))?.status;
}

describe('delivery worker', () => {
  it('sends a requested message and records it as sent', async () => {
    const id = await requestDelivery(producer.queue, {
      accountId: 'acct_ada',
      channel: 'email',
      to: 'ada@example.com',
      template: 'dashboard-ready',
      params: { name: 'Ada', platformName: 'Rocket Rides', url: 'http://localhost:9000' },
    });
    await expect.poll(() => deliveryStatus(id), { timeout: 10_000 }).toBe('sent');
    const message = carrier.sent.find((m) => m.deliveryId === id);
    expect(message).toMatchObject({
      channel: 'email',
      to: 'ada@example.com',
      subject: 'Your Rocket Rides dashboard is ready',
    });
    expect(message?.text).toContain('http://localhost:9000');
  });

  it('retries a failing carrier with backoff until it goes through', async () => {
    carrier.failuresLeft = 2;
    const id = await requestDelivery(producer.queue, {
      accountId: 'acct_ada',
      channel: 'sms',
      to: '+15555550142',
      template: 'login-code',
      params: { code: '123456' },
    });
    await expect.poll(() => deliveryStatus(id), { timeout: 20_000, interval: 250 }).toBe('sent');
    expect((await deliveries.find(id))?.attempts).toBe(3);
    expect(carrier.sent.filter((m) => m.deliveryId === id)).toHaveLength(1);
  });

  it('sends a repeated request once', async () => {
    const request = {
      deliveryId: 'dlv_repeat',
      accountId: 'acct_ada',
      channel: 'sms' as const,
      to: '+15555550142',
      template: 'login-code',
      params: { code: '654321' },
    };
    await requestDelivery(producer.queue, request);
    await requestDelivery(producer.queue, request);
    await expect.poll(() => deliveryStatus('dlv_repeat'), { timeout: 10_000 }).toBe('sent');
    await requestDelivery(producer.queue, request);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(carrier.sent.filter((m) => m.deliveryId === 'dlv_repeat')).toHaveLength(1);
  });

  it('gives up at once on an unknown template', async () => {
    const id = await requestDelivery(producer.queue, {
      accountId: 'acct_ada',
      channel: 'email',
      to: 'ada@example.com',
      template: 'no-such-template',
      params: {},
    });
    await expect.poll(() => deliveryStatus(id), { timeout: 10_000 }).toBe('failed');
    expect((await deliveries.find(id))?.attempts).toBe(1);
  });

  it('is ready only while Redis answers', async () => {
    const ready = await fetch(service.url.replace('/graphql', '/ready'));
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', redis: 'ok' },
    });
  });
});

describe('activity', () => {
  const query = `query($reps: [_Any!]!) {
    _entities(representations: $reps) { ... on Account { activity { id kind title } unreadActivityCount } }
  }`;

  it('lists the activity hub newest first with the unread count', async () => {
    const response = await service.query(query, accountReference('acct_ada'), ada);
    expect(response.data).toEqual({
      _entities: [
        {
          activity: [
            { id: 'act_2', kind: 'dispute.created', title: 'New dispute' },
            { id: 'act_1', kind: 'payout.paid', title: 'Payout paid' },
          ],
          unreadActivityCount: 1,
        },
      ],
    });
  });

  it("never shows another account's activity", async () => {
    const response = await service.query(query, accountReference('acct_bob'), ada);
    expect(response.data).toEqual({ _entities: [{ activity: [], unreadActivityCount: 0 }] });
  });

  it('has an up-to-date schema.graphql', async () => {
    expect(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(
      await printServiceSdl(notificationsService),
    );
  });
});
