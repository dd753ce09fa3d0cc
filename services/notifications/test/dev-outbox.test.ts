import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestDelivery } from '@dash/contracts';
import type { ServiceDeps } from '@dash/subgraph';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { notificationsService, openDeliveryQueue } from '../src/index.js';
import { devOutboxRoutes } from '../src/delivery/dev-outbox.route.js';

const prefix = testRedisPrefix('outbox');
const env = { REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix };
let service: TestService;
let producer: ReturnType<typeof openDeliveryQueue>;

beforeAll(async () => {
  service = await startTestService(notificationsService, env);
  producer = openDeliveryQueue(env, TEST_SECRET_KEYS);
});
afterAll(async () => {
  await producer?.close();
  await service?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

type Outbox = {
  messages: Array<{ channel: string; destination: string; subject: string; text: string }>;
};

describe('development outbox', () => {
  it('holds what the development provider sent, by destination, and nothing else keeps the code', async () => {
    await requestDelivery(producer.queue, {
      accountId: 'acct_1',
      livemode: false,
      channel: 'sms',
      to: '+15555550142',
      template: 'login-code',
      params: { code: '482913' },
    });
    const outboxUrl = service.url.replace('/graphql', '/dev/outbox?to=%2B15555550142');
    await expect
      .poll(async () => ((await (await fetch(outboxUrl)).json()) as Outbox).messages.length, {
        timeout: 10_000,
      })
      .toBe(1);
    const { messages } = (await (await fetch(outboxUrl)).json()) as Outbox;
    expect(messages[0]).toMatchObject({ channel: 'sms', destination: '+15555550142' });
    expect(messages[0]!.text).toContain('482913');

    const other = (await (
      await fetch(service.url.replace('/graphql', '/dev/outbox?to=nobody'))
    ).json()) as Outbox;
    expect(other.messages).toEqual([]);
    const records = await service.dataSource.query('SELECT * FROM deliveries');
    expect(JSON.stringify(records)).not.toContain('482913');
  });
});

describe('development outbox in production', () => {
  it('is not there at all: every code would be readable', async () => {
    const app = express().use(
      devOutboxRoutes({
        config: { ...service.config, nodeEnv: 'production' },
        dataSource: service.dataSource,
      } as ServiceDeps),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/dev/outbox`);
      expect(response.status).toBe(404);
    } finally {
      server.close();
    }
  });
});
