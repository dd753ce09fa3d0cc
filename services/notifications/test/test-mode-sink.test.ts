import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeliveryProducer, requestDelivery } from '@dash/contracts';
import { createRedisConnection } from '@dash/queue';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import {
  deleteRedisPrefix,
  startTestSmtpServer,
  testRedisPrefix,
  testRedisUrl,
  type TestSmtpServer,
} from '@dash/testing';
import { notificationsService } from '../src/index.js';

const prefix = testRedisPrefix('sink');
/** A real SMTP server on loopback: what reaches the carrier, message by message. */
let smtp: TestSmtpServer;
let service: TestService;
let producer: ReturnType<typeof openDeliveryProducer>;
const redis = createRedisConnection(testRedisUrl());

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  // A real carrier is configured, as in production.
  service = await startTestService(notificationsService, {
    REDIS_URL: testRedisUrl(),
    DASH_REDIS_PREFIX: prefix,
    DASH_EMAIL_PROVIDER: 'smtp',
    DASH_SMTP_URL: smtp.url,
  });
  // The producer identity uses for sign-in codes.
  producer = openDeliveryProducer({ redisUrl: testRedisUrl(), prefix, keys: TEST_SECRET_KEYS });
});
afterAll(async () => {
  await producer?.close();
  await service?.close();
  redis.disconnect();
  await deleteRedisPrefix(testRedisUrl(), prefix);
  await smtp.stop();
});

const statusOf = async (id: string) =>
  (
    (await service.dataSource.query('SELECT status FROM deliveries WHERE id = ?', [id])) as Array<{
      status: string;
    }>
  )[0]?.status;

const signInCode = (livemode: boolean, n: number) => ({
  deliveryId: `dlv_sink_${livemode ? 'live' : 'test'}_${n}`,
  accountId: livemode ? 'acct_live' : 'acct_test',
  livemode,
  channel: 'email' as const,
  to: `${livemode ? 'live' : 'test'}${n}@example.com`,
  template: 'login-code',
  params: { code: String(100000 + n), minutes: '10' },
});

describe('test-mode messages with a real carrier configured', () => {
  it('never hand a test-mode code to the carrier, and do hand it a live one', async () => {
    // Many test-mode codes at once, and one live: only the live one may reach SMTP.
    const testIds = await Promise.all(
      Array.from({ length: 20 }, (_, n) => requestDelivery(producer.queue, signInCode(false, n))),
    );
    const liveId = await requestDelivery(producer.queue, signInCode(true, 99));
    await expect.poll(() => statusOf(liveId), { timeout: 15_000 }).toBe('sent');
    await expect
      .poll(async () => (await Promise.all(testIds.map(statusOf))).every((s) => s === 'sent'), {
        timeout: 15_000,
      })
      .toBe(true);

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toContain('100099');
    expect(smtp.received[0]).toMatch(/^To: live99@example\.com/m);
    for (let n = 0; n < 20; n++) expect(smtp.received.join('\n')).not.toContain(String(100000 + n));
    // The test-mode codes went to the dev outbox instead.
    const outbox = (await service.dataSource.query(
      "SELECT destination FROM dev_outbox WHERE destination LIKE 'test%'",
    )) as unknown[];
    expect(outbox).toHaveLength(20);
  });
});

describe('codes on their way through Redis', () => {
  it('are sealed in the job data: a job read straight from Redis holds no code', async () => {
    const request = signInCode(false, 7_654);
    const id = await requestDelivery(producer.queue, request);
    await expect.poll(() => statusOf(id), { timeout: 15_000 }).toBe('sent');
    // Straight from Redis, as someone with access to it, its dumps or a replica would see it.
    const raw = await redis.hget(`${prefix}:delivery:${id}`, 'data');
    expect(raw).toBeTruthy();
    expect(raw).not.toContain('107654');
    const data = JSON.parse(raw!) as { params: { code: string; minutes: string } };
    expect(data.params.code).toMatch(/^sealed:v2:k1:/);
    expect(data.params.minutes).toBe('10');
    // And the message was still rendered with the code, in the outbox only.
    const [message] = (await service.dataSource.query(
      'SELECT text FROM dev_outbox WHERE delivery_id = ?',
      [id],
    )) as Array<{ text: string }>;
    expect(message?.text).toContain('107654');
  });

  it('a job whose code was put in Redis in the clear is refused, not sent', async () => {
    // A producer that skipped the sealing queue (the plain BullMQ queue).
    await producer.queue.queue.add(
      'send-email',
      { ...signInCode(true, 5), deliveryId: 'dlv_plain' },
      {
        jobId: 'dlv_plain',
      },
    );
    await expect.poll(() => statusOf('dlv_plain'), { timeout: 15_000 }).toBe('failed');
    expect(smtp.received.join('\n')).not.toContain('100005');
  });
});
